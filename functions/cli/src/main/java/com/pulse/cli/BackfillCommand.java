package com.pulse.cli;

import com.pulse.app.MetricOutcome;
import com.pulse.app.RunSummary;
import com.pulse.functions.CompositionRoot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code pulse backfill}: recomputes every window of the chosen metrics inside {@code [from, to)}
 * through the configured store and export (app settings; locally the JSON-lines export), overwriting
 * points by id.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = "Recompute the windows inside [from, to) into the configured store and export.")
final class BackfillCommand implements Callable<Integer> {
  @Mixin WindowRangeOptions range;

  @Override
  public Integer call() {
    CompositionRoot root = CliSupport.root(range.settingOverrides());
    RunSummary summary = root.metricRunner().backfill(range.metrics, range.fromInstant(), range.toInstant());
    for (MetricOutcome o : summary.outcomes()) {
      System.out.printf("%-24s %-10s %4d windows %8d points%s%n", o.metric(), o.status(), o.windows().size(), o.points(),
          o.error() == null ? "" : "  " + o.error());
    }
    System.out.println(summary);
    return summary.metricsFailed() == 0 ? 0 : 1;
  }
}
