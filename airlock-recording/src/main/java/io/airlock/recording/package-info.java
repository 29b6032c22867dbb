/** Recording formats, their readers and writers, and the transcoder that turns recordings into video. */
package io.airlock.recording;
