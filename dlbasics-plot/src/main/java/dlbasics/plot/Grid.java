package dlbasics.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The course's sweep picture: one panel per setting (a decision boundary, or a cost curve for data
 * that is not 2-D), each titled with the setting and its accuracy, tiled row by row under a common title.
 */
public final class Grid {
    private Grid() {
    }

    /** Tiles equally sized panels in rows of {@code columns}, with {@code title} on top. */
    public static BufferedImage tile(List<BufferedImage> panels, int columns, String title) {
        Png.headless();
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("Grid.tile: there are no panels; give one picture per setting");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("Grid.tile: columns is " + columns + "; use 1 or more");
        }
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        for (BufferedImage p : panels) {
            if (p.getWidth() != w || p.getHeight() != h) {
                throw new IllegalArgumentException(String.format(
                        "Grid.tile: panels are %dx%d and %dx%d; render every panel at the same size", w, h, p.getWidth(), p.getHeight()));
            }
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int head = title == null || title.isEmpty() ? 0 : 36;
        BufferedImage img = new BufferedImage(cols * w, head + rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int k = 0; k < panels.size(); k++) {
            g.drawImage(panels.get(k), (k % cols) * w, head + (k / cols) * h, null);
        }
        if (head > 0) {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Axes.title(g, title, img.getWidth() / 2, 24);
        }
        g.dispose();
        return img;
    }
}
