package dev.ponder.app.overview;

import dev.ponder.app.common.Figures;
import dev.ponder.app.overview.RunOverviewViewModel.Fact;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.Overthinking;
import dev.ponder.core.service.AnalysisService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A run's headline figures as tiles: pass@1 and @N, maj@N, weighted best-of-N, thinking tokens, ξ_O. */
final class HeadlineFigures {
    private HeadlineFigures() {}

    /** The tiles from the run's figures; ξ_O is shown as pending until the overthinking figures arrive. */
    static List<Fact> of(AnalysisService.Headline headline, Overthinking overthinking) {
        FirstFigures figures = headline.figures();
        List<Fact> tiles = new ArrayList<>();
        List<CurvePoint> pass = figures.passAtK();
        if (!pass.isEmpty()) {
            tiles.add(new Fact("pass@1", Figures.percent(pass.get(0).value())));
            CurvePoint last = pass.get(pass.size() - 1);
            if (last.k() > 1) {
                tiles.add(new Fact("pass@" + last.k(), Figures.percent(last.value())));
            }
            List<CurvePoint> majority = figures.majorityFirstK();
            CurvePoint maj = majority.get(majority.size() - 1);
            tiles.add(new Fact("maj@" + maj.k(), Figures.percent(maj.value())));
        }
        if (figures.bestOfN() != null && !figures.bestOfN().weighted().isEmpty()) {
            List<CurvePoint> weighted = figures.bestOfN().weighted();
            CurvePoint best = weighted.get(weighted.size() - 1);
            tiles.add(new Fact("weighted BoN@" + best.k(), Figures.percent(best.value())));
        }
        double tokens = headline.meanTokens();
        if (!Double.isNaN(tokens)) {
            tiles.add(new Fact("thinking tokens", String.format(Locale.ROOT, "%,.0f", tokens)));
        }
        tiles.add(new Fact(
                "ξ_O outcome efficiency",
                overthinking == null
                        ? "…"
                        : Double.isNaN(overthinking.outcomeEfficiency())
                                ? "—"
                                : String.format(Locale.ROOT, "%.2f", overthinking.outcomeEfficiency())));
        return tiles;
    }
}
