package io.airlock.terminal;

/**
 * A parsed control sequence: {@code CSI prefix params intermediates final}.
 *
 * @param prefix the private marker ({@code ?}, {@code >}, {@code <}, {@code =}) or 0 when absent
 * @param intermediates characters from 0x20-0x2F before the final character
 * @param finalChar the final character that selects the function
 * @param params parameter values, 0 where a parameter was empty; its length is the parameter count
 * @param subParameters bit i set when parameter i was introduced by a colon (ITU T.416 sub-parameter)
 */
record ControlSequence(int prefix, String intermediates, int finalChar, int[] params, long subParameters) {

    int count() {
        return params.length;
    }

    /** The parameter, or {@code fallback} when it is absent or 0 (the usual meaning of "default"). */
    int param(int index, int fallback) {
        return index < params.length && params[index] != 0 ? params[index] : fallback;
    }

    /** The parameter as given, 0 when absent. */
    int raw(int index) {
        return index < params.length ? params[index] : 0;
    }

    boolean isSubParameter(int index) {
        return index < 64 && (subParameters & (1L << index)) != 0;
    }

    boolean is(int prefix, String intermediates, int finalChar) {
        return this.prefix == prefix && this.finalChar == finalChar && this.intermediates.equals(intermediates);
    }
}
