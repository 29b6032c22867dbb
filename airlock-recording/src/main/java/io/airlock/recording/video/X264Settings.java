package io.airlock.recording.video;

/**
 * How libx264 is asked to encode. The defaults suit terminal screens: mostly still, sharp text on flat
 * colour.
 *
 * @param preset x264 speed preset
 * @param tune x264 tuning, or null for none
 * @param crf constant rate factor (lower is better quality and bigger files)
 * @param threads encoder threads
 * @param params further x264 options, "key=value:key=value", or empty
 */
record X264Settings(String preset, String tune, int crf, int threads, String params) {

    /**
     * Chosen on the benchmark's working hour (figures in the issue note):
     * <ul>
     * <li>veryfast encodes 640x480 text several hundred frames a second, with files a fifth the size of
     * ultrafast's.
     * <li>zerolatency turns off the lookahead, B-frames and macroblock-tree: a picture arrives only when
     * the screen changed, so there is nothing to look ahead at, and macroblock-tree would spend bits on
     * keyframes whose picture idle stretches then merely repeat.
     * <li>force-cfr stops x264 from giving a frame that stays on screen for minutes a far lower quantiser
     * (and several times the bytes) than a short one; ipratio=1.0 keeps keyframes at the quality of the
     * frames around them, since many of them merely show a screen that has stopped changing.
     * <li>scenecut=0 leaves keyframes to the transcoder's schedule, so there are no extra ones.
     * <li>me=umh with merange=48 finds scrolled text (one row is 20 pixels, beyond veryfast's default
     * 16): 10 % smaller files at no measurable cost.
     * <li>Text-minded options were measured with {@code ./airlock bench-legibility} on the 132x43
     * recording and left out: deblock=0, psy=0 and aq-mode=0 read back 60.0 % of the words instead of
     * 55.6 %, but make an idle hour 1 % larger; CRF 20 reads 63.3 % at a larger file still. Drawing the
     * cells at the size the video shows them gained more (see {@code ScreenReplay}).
     * <li>CRF 25 keeps plain text at about 40 dB PSNR against the renderer's frame and a working hour
     * under 15 MB.
     * </ul>
     */
    static final X264Settings TERMINAL = new X264Settings("veryfast", "zerolatency", 25, 2,
            "force-cfr=1:scenecut=0:ipratio=1.0:me=umh:merange=48");

    /** {@return these settings with a single encoder thread} */
    X264Settings singleThreaded() {
        return new X264Settings(preset, tune, crf, 1, params);
    }
}
