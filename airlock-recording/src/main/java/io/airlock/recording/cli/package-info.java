/** The command-line tool behind {@code ./airlock transcode}, {@code screen} and {@code bench-transcode}. */
package io.airlock.recording.cli;
