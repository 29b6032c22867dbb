package io.airlock.recording.fbs;

/**
 * One block of an FBS recording.
 *
 * @param data the bytes the server sent, padding removed
 * @param millis when they arrived, in milliseconds since the start
 */
record FbsBlock(byte[] data, long millis) {
}
