package io.meetingintel.bot.lifecycle;

import io.meetingintel.bot.config.BotProperties;
import io.meetingintel.bot.domain.BotProvider;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The bot providers of this deployment, by name; fails at startup when BOT_PROVIDER names none of them. */
@Component
public class BotProviders {

    private final Map<String, BotProvider> byName;

    public BotProviders(List<BotProvider> providers, BotProperties properties) {
        this.byName = providers.stream().collect(Collectors.toMap(BotProvider::name, Function.identity()));
        if (!byName.containsKey(properties.provider())) {
            throw new IllegalStateException("BOT_PROVIDER=" + properties.provider() + " is not available; known: "
                    + byName.keySet());
        }
    }

    public BotProvider get(String name) {
        BotProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("Bot provider " + name + " is not available; known: " + byName.keySet());
        }
        return provider;
    }
}
