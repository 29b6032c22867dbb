package io.airlock.recording.asciicast;

/** One timed event of an asciicast v2 recording; {@code time} is seconds since the recording started. */
public sealed interface AsciicastEvent {

    double time();

    /** Text the terminal printed ("o"). */
    record Output(double time, String data) implements AsciicastEvent {
    }

    /** Text the user typed ("i"). */
    record Input(double time, String data) implements AsciicastEvent {
    }

    /** The terminal changed size ("r", data "COLSxROWS"). */
    record Resize(double time, int columns, int rows) implements AsciicastEvent {
    }

    /** A marker ("m") with an optional label. */
    record Marker(double time, String label) implements AsciicastEvent {
    }
}
