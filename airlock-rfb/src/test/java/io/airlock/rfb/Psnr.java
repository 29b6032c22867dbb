package io.airlock.rfb;

/** Peak signal-to-noise ratio of two 0xRRGGBB pictures over all three components, in dB. */
final class Psnr {

    private Psnr() {
    }

    static double of(int[] expected, int[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(expected.length + " pixels against " + actual.length);
        }
        double squares = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = (expected[i] >> shift & 0xff) - (actual[i] >> shift & 0xff);
                squares += d * d;
            }
        }
        double mse = squares / (expected.length * 3.0);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }
}
