package io.meetingintel.bot.provider.simulated;

import io.meetingintel.bot.domain.ProviderReports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, the simulated calls an earlier process left ACTIVE cannot be resumed (their transcript stream is gone):
 * their bots end in ERROR, saying why, instead of waiting forever.
 */
@Component
class SimulatedCallRecovery implements ApplicationRunner {

    static final String REASON = "bot-service restarted during the call";
    private static final Logger log = LoggerFactory.getLogger(SimulatedCallRecovery.class);

    private final SimulatedCallStore calls;
    private final SimulatedBotProvider provider;
    private final ProviderReports reports;

    SimulatedCallRecovery(SimulatedCallStore calls, SimulatedBotProvider provider, ProviderReports reports) {
        this.calls = calls;
        this.provider = provider;
        this.reports = reports;
    }

    @Override
    public void run(ApplicationArguments args) {
        recoverInterruptedCalls();
    }

    int recoverInterruptedCalls() {
        var interrupted = calls.activeCallsNotRunBy(provider.runnerId());
        for (String botId : interrupted) {
            calls.ended(botId, SimulatedCallStore.State.ABORTED);
            reports.failed(botId, REASON);
        }
        if (!interrupted.isEmpty()) {
            log.warn("{} simulated call(s) were cut off by a restart; their bots moved to ERROR: {}",
                    interrupted.size(), interrupted);
        }
        return interrupted.size();
    }
}
