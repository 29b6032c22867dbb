package io.airlock.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One zlib stream of a connection, fed one rectangle's compressed bytes at a time (ZRLE has one, Tight
 * four). The dictionary carries over from rectangle to rectangle. Decoders read only as many bytes as
 * their rectangle's pixels need, so a zlib bomb inflates no further than that; compressed data that
 * ends before the pixels do is an error, never a wait.
 */
final class ZlibStream implements AutoCloseable {

    private final String name;
    private Inflater inflater = new Inflater();

    ZlibStream(String name) {
        this.name = name;
    }

    /** Starts over with an empty dictionary, as Tight's reset bits ask. */
    void reset() {
        inflater.end();
        inflater = new Inflater();
    }

    /** {@return the inflated bytes of one rectangle's compressed data} */
    InputStream open(byte[] compressed) {
        inflater.setInput(compressed);
        return new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                read(one, 0, 1);
                return one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return inflate(b, off, len);
            }
        };
    }

    /**
     * Checks that the rectangle's compressed data held nothing beyond its pixels; the empty block a
     * sync flush leaves is consumed, so the next rectangle starts clean.
     */
    void endRectangle(Rectangle rect) throws RfbException {
        byte[] scratch = new byte[16];
        while (inflater.getRemaining() > 0 && !inflater.finished() && !inflater.needsDictionary()) {
            int before = inflater.getRemaining();
            int n;
            try {
                n = inflater.inflate(scratch);
            } catch (DataFormatException e) {
                throw Pixels.malformed(rect, name + " data is corrupt: " + e.getMessage());
            }
            if (n > 0) {
                throw Pixels.malformed(rect, name + " data holds more than the rectangle's pixels");
            }
            if (inflater.getRemaining() == before) {
                break;
            }
        }
    }

    private int inflate(byte[] b, int off, int len) throws RfbException {
        if (len == 0) {
            return 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    return n;
                }
                if (inflater.needsInput()) {
                    throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                            name + " data of a rectangle ended before its pixels");
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE,
                            name + " data ended its zlib stream, which RFB streams never do");
                }
            }
        } catch (DataFormatException e) {
            throw new RfbException(RfbException.Reason.MALFORMED_MESSAGE, name + " data is corrupt: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
