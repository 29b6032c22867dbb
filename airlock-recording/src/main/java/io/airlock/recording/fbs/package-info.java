/**
 * Recordings of graphical sessions in the FBS format of rfbproxy and vncrec: the server's RFB stream in
 * timed blocks, behind a synthetic RFB 3.3 preamble so that any RFB decoder can replay it from its start.
 */
package io.airlock.recording.fbs;
