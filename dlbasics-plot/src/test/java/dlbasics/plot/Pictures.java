package dlbasics.plot;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What the picture tests look at: the colours in a picture or a part of it. */
final class Pictures {
    private Pictures() {
    }

    static Set<Integer> colours(BufferedImage img, int x0, int y0, int w, int h) {
        Set<Integer> s = new HashSet<>();
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                s.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return s;
    }

    static Set<Integer> colours(BufferedImage img) {
        return colours(img, 0, 0, img.getWidth(), img.getHeight());
    }

    /** The share of pixels that are not white. */
    static double inked(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }

    static int rgb(java.awt.Color c) {
        return c.getRGB() & 0xFFFFFF;
    }
}
