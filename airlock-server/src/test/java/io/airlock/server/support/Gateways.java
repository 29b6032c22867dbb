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
        List<String> args = new ArrayList<>();
        args.add("--AIRLOCK_PORT=0");
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(AirlockApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
