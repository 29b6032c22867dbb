package io.airlock.server.support;

import io.airlock.server.AirlockApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts whole gateways the way an operator does: the application with AIRLOCK_* settings. */
public final class Gateways {

    private Gateways() {
    }

    /** Starts a gateway on a free port with the given AIRLOCK_* settings. */
    public static ConfigurableApplicationContext start(Map<String, String> settings) {
        return start(settings, new Class<?>[0]);
    }

    /**
     * Starts a gateway with extra bean sources: classes with {@code @Bean} methods and no stereotype
     * annotation, so no other gateway's component scan picks them up. Beans they name the same as the
     * gateway's replace those (bean overriding is switched on for this gateway only).
     */
    public static ConfigurableApplicationContext start(Map<String, String> settings, Class<?>... extraSources) {
        List<String> args = new ArrayList<>();
        args.add("--AIRLOCK_PORT=0");
        if (extraSources.length > 0) {
            args.add("--spring.main.allow-bean-definition-overriding=true");
        }
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(AirlockApplication.class).sources(extraSources)
                .run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
