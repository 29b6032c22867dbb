package io.airlock.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Airlock gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AirlockApplication {

    public static void main(String[] args) {
        SpringApplication.run(AirlockApplication.class, args);
    }
}
