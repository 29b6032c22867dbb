package io.airlock.rfb;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Tight's JPEG rectangles, decoded with the JDK's own JPEG reader. The picture's size is read from its
 * header first, and only a picture exactly the rectangle's size is decoded, so a JPEG that claims to be
 * huge costs nothing.
 */
final class TightJpeg {

    void decode(Rectangle rect, byte[] data, Framebuffer framebuffer) throws RfbException {
        BufferedImage image = read(rect, data);
        int[] rgb = new int[rect.width()];
        boolean interleaved = image.getRaster().getSampleModel() instanceof ComponentSampleModel model
                && image.getRaster().getDataBuffer() instanceof DataBufferByte && model.getNumBands() == 3
                && image.getColorModel().getColorSpace().isCS_sRGB() && image.getRaster().getParent() == null;
        for (int y = 0; y < rect.height(); y++) {
            if (interleaved) {
                interleavedRow(image.getRaster(), y, rgb);
            } else {
                image.getRGB(0, y, rect.width(), 1, rgb, 0, rect.width());
                for (int x = 0; x < rgb.length; x++) {
                    rgb[x] &= 0xffffff;
                }
            }
            framebuffer.putRow(rect.x(), rect.y() + y, rgb, 0, rect.width());
        }
    }

    /**
     * Reads one row of 8-bit sRGB samples straight from the raster's bytes: what the JDK's JPEG reader
     * gives for a colour JPEG, read about ten times faster than through {@link BufferedImage#getRGB}.
     */
    private static void interleavedRow(Raster raster, int y, int[] rgb) {
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        byte[] bytes = ((DataBufferByte) raster.getDataBuffer()).getData();
        int[] bands = model.getBandOffsets();
        int stride = model.getPixelStride();
        int at = y * model.getScanlineStride() + raster.getDataBuffer().getOffset();
        for (int x = 0; x < rgb.length; x++, at += stride) {
            rgb[x] = (bytes[at + bands[0]] & 0xff) << 16 | (bytes[at + bands[1]] & 0xff) << 8 | bytes[at + bands[2]] & 0xff;
        }
    }

    private static BufferedImage read(Rectangle rect, byte[] data) throws RfbException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no JPEG reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width != rect.width() || height != rect.height()) {
                throw Pixels.malformed(rect, "its JPEG picture is " + width + "x" + height);
            }
            return reader.read(0);
        } catch (RfbException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The JDK's JPEG reader reports broken data with IIOException and sometimes runtime exceptions.
            throw Pixels.malformed(rect, "its JPEG data cannot be decoded: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }
}
