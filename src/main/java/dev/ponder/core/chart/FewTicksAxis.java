package dev.ponder.core.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis with as many ticks as a printed figure has, however large it is drawn: JFreeChart fills a tall
 * on-screen axis with every label that fits (0.02 apart, or every whole count of a histogram); this takes the
 * smallest of its round steps that keeps the ticks at {@link #MOST} or fewer.
 */
final class FewTicksAxis extends NumberAxis {
    static final int MOST = 8;

    FewTicksAxis(String label) {
        super(label);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = getTickUnit();
        double length = getRange().getLength();
        while (length / unit.getSize() > MOST) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        if (unit instanceof NumberTickUnit number && unit != getTickUnit()) {
            setTickUnit(number, false, false);
        }
    }
}
