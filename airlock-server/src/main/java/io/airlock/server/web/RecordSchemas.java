package io.airlock.server.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Says in the API document what a Java record promises: every component is present, and only a component
 * annotated {@link Nullable} may be null. The web UI's types are generated from the document, so they
 * carry the same promise instead of repeating it by hand. A request may leave out what may be null (Jackson
 * reads an absent component as null), so in the schemas a request body uses, nullable components are
 * optional as well.
 */
final class RecordSchemas implements ModelConverter {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() == null ? resolved : context.getDefinedModels().get(name(resolved.get$ref()));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            String property = component.getName();
            Schema<?> schema = model.getProperties().get(property);
            if (schema == null) {
                continue;
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                // Wrapped rather than changed: the property's schema may be shared with other properties.
                model.getProperties().put(property,
                        new JsonSchema().anyOf(List.of(schema, new JsonSchema().types(Set.of("null")))));
            }
            if (model.getRequired() == null || !model.getRequired().contains(property)) {
                model.addRequiredItem(property);
            }
        }
        return resolved;
    }

    /** Makes the nullable components of every schema a request body uses, however deep, optional. */
    static void nullableIsOptionalInRequests(OpenAPI document) {
        if (document.getPaths() == null || document.getComponents() == null
                || document.getComponents().getSchemas() == null) {
            return;
        }
        var schemas = document.getComponents().getSchemas();
        var pending = new ArrayDeque<Schema<?>>();
        document.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .map(Operation::getRequestBody)
                .filter(body -> body != null && body.getContent() != null)
                .flatMap(body -> body.getContent().values().stream())
                .map(MediaType::getSchema)
                .filter(schema -> schema != null)
                .forEach(pending::add);
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = name(schema.get$ref());
                Schema<?> model = schemas.get(name);
                if (seen.add(name) && model != null) {
                    pending.add(model);
                }
                continue;
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAnyOf() != null) {
                schema.getAnyOf().forEach(pending::add);
            }
            if (schema.getProperties() == null) {
                continue;
            }
            schema.getProperties().forEach((property, value) -> {
                pending.add(value);
                if (isNullable(value) && schema.getRequired() != null) {
                    schema.getRequired().remove(property);
                }
            });
        }
    }

    private static boolean isNullable(Schema<?> schema) {
        return schema.getAnyOf() != null && schema.getAnyOf().stream()
                .anyMatch(option -> "null".equals(option.getType())
                        || (option.getTypes() != null && option.getTypes().contains("null")));
    }

    private static String name(String ref) {
        return ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref;
    }
}
