package io.airlock.server.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The API's OpenAPI document, served at {@code /api/docs} to signed-in users like the rest of the API: it
 * describes nothing a signed-in user cannot already call, and tells an anonymous visitor nothing. The web
 * UI's types are generated from it at build time. The server is the gateway itself ("/"), so the document
 * does not depend on the host or port it was read from.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfig {

    static {
        // Spring fills a CsrfToken argument from the request; it is no parameter a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
    }

    @Bean
    OpenAPI airlockApi() {
        return new OpenAPI()
                .info(new Info().title("Airlock API").version("1"))
                .servers(List.of(new Server().url("/")));
    }

    /** Which record components are always present and which may be null. */
    @Bean
    ModelConverter recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    OpenApiCustomizer nullableIsOptionalInRequests() {
        return RecordSchemas::nullableIsOptionalInRequests;
    }
}
