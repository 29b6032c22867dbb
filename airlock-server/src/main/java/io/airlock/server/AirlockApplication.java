package io.airlock.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Airlock gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AirlockApplication {

    /**
     * Sessions run on virtual threads, and libraries they block in (Commons Net's Telnet reader, for one)
     * wait inside {@code synchronized}; before JDK 24 that pins a carrier thread per idle session.
     */
    static final int MIN_RUNTIME = 25;

    public static void main(String[] args) {
        int feature = Runtime.version().feature();
        if (feature < MIN_RUNTIME) {
            System.err.println("Airlock needs Java " + MIN_RUNTIME + " or newer to run; this is Java " + feature
                    + ". Set JAVA_HOME to a JDK " + MIN_RUNTIME + " (./airlock picks one under /usr/lib/jvm).");
            System.exit(2);
        }
        SpringApplication.run(AirlockApplication.class, args);
    }
}
