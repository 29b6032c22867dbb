package io.airlock.server.web;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the single-page app: its files as they are, and {@code index.html} for its client-side routes,
 * so a bookmarked or reloaded page such as {@code /admin/users} opens the app instead of a 404. Paths
 * with a dot are files; the API, Actuator and WebSocket paths never fall back to the app.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfig implements WebMvcConfigurer {

    private static final ClassPathResource STATIC = new ClassPathResource("static/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true)
                .addResolver(new AppRouteResolver());
    }

    static final class AppRouteResolver extends PathResourceResolver {
        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            // A directory (the root, "assets/") is never served as a file.
            Resource file = path.isEmpty() || path.endsWith("/") ? null : super.getResource(path, location);
            if (file != null) {
                return file;
            }
            if (!isAppRoute(path)) {
                return null;
            }
            Resource index = STATIC.createRelative("index.html");
            return index.exists() ? index : null;
        }

        static boolean isAppRoute(String path) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            return !last.contains(".") && !path.startsWith("api/") && !path.equals("api")
                    && !path.startsWith("actuator") && !path.startsWith("ws/");
        }
    }
}
