package io.airlock.server.recording;

import java.nio.file.Path;

/** The formats a session's raw recording is kept in, beside its video. */
public enum RawFormat {
    /** A terminal's output, asciicast v2. */
    ASCIICAST(".cast", "application/x-asciicast"),
    /** A desktop's RFB stream, FBS 001.000 as rfbproxy and vncrec write it. */
    FBS(".fbs", "application/x-fbs");

    private final String extension;
    private final String contentType;

    RawFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** {@return the format a spool file or an object key names by its extension} */
    public static RawFormat of(String name) {
        return name.endsWith(FBS.extension) ? FBS : ASCIICAST;
    }

    static RawFormat of(Path file) {
        return of(file.getFileName().toString());
    }
}
