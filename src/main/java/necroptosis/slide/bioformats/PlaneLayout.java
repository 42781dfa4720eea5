package necroptosis.slide.bioformats;

import necroptosis.slide.SlideException;

/** How the bytes of one plane map to RGB: interleaved or planar RGB, grey, indexed, or 3 planes. */
final class PlaneLayout {
    /** Bytes per pixel in one openBytes call. */
    final int samplesPerRead;
    /** Channels actually stored per pixel in the buffer (RGB count). */
    final int channels;
    final boolean interleaved;
    /** Plane index per colour: one plane, or R, G, B planes when channels are separate planes. */
    final int[] planeIndices;
    /** 256-entry colour table for indexed grey, or null. */
    final int[] lut;

    private PlaneLayout(int channels, boolean interleaved, int[] planeIndices, int[] lut) {
        this.samplesPerRead = channels;
        this.channels = channels;
        this.interleaved = interleaved;
        this.planeIndices = planeIndices;
        this.lut = lut;
    }

    static PlaneLayout of(String path, BioFormatsApi bf, Object reader) throws Exception {
        int rgb = (Integer) bf.getRGBChannelCount.invoke(reader);
        boolean interleaved = (Boolean) bf.isInterleaved.invoke(reader);
        if (rgb >= 3) {
            return new PlaneLayout(rgb, interleaved, new int[] {0}, null);
        }
        if (rgb != 1) {
            throw new SlideException(path, "has " + rgb + " samples per pixel; only RGB or grey slides can be scored");
        }
        int sizeC = (Integer) bf.getEffectiveSizeC.invoke(reader);
        if (sizeC >= 3) {
            // Colour stored as separate channel planes (e.g. an OME-TIFF written channel by channel).
            int[] planes = new int[3];
            for (int c = 0; c < 3; c++) planes[c] = (Integer) bf.getIndex.invoke(reader, 0, c, 0);
            return new PlaneLayout(1, true, planes, null);
        }
        int[] lut = null;
        if ((Boolean) bf.isIndexed.invoke(reader)) {
            byte[][] table = (byte[][]) bf.get8BitLookupTable.invoke(reader);
            if (table != null && table.length >= 3 && table[0].length >= 256) {
                lut = new int[256];
                for (int i = 0; i < 256; i++) {
                    lut[i] = 0xFF000000 | (table[0][i] & 0xFF) << 16 | (table[1][i] & 0xFF) << 8 | (table[2][i] & 0xFF);
                }
            }
        }
        if (lut == null) {
            lut = new int[256];
            for (int i = 0; i < 256; i++) lut[i] = 0xFF000000 | i << 16 | i << 8 | i;
        }
        return new PlaneLayout(1, true, new int[] {0}, lut);
    }

    /** Converts {@code n} pixels of one openBytes buffer into 0xFFRRGGBB at {@code out[offset]}. */
    void pack(byte[] b, int n, int[] out, int offset) {
        if (lut != null) {
            for (int i = 0; i < n; i++) out[offset + i] = lut[b[i] & 0xFF];
        } else if (interleaved) {
            for (int i = 0, j = 0; i < n; i++, j += channels) {
                out[offset + i] = 0xFF000000 | (b[j] & 0xFF) << 16 | (b[j + 1] & 0xFF) << 8 | (b[j + 2] & 0xFF);
            }
        } else {
            // Planar within the buffer: all R of the region, then all G, then all B.
            for (int i = 0; i < n; i++) {
                out[offset + i] = 0xFF000000 | (b[i] & 0xFF) << 16 | (b[n + i] & 0xFF) << 8 | (b[2 * n + i] & 0xFF);
            }
        }
    }
}
