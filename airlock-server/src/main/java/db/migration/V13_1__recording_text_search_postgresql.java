package db.migration;

import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL's full-text index over the recorded lines' words (V13). The one migration that differs by
 * database: H2 has no GIN index and searches its word table instead, so on H2 this does nothing. The
 * tsvector is stored, not only indexed: a page of a common word is read newest first along the primary
 * key, testing each line's words, which costs a column read instead of parsing the words again.
 */
public class V13_1__recording_text_search_postgresql extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table recording_text_line add column words_tsv tsvector "
                    + "generated always as (to_tsvector('simple', words)) stored");
            statement.execute("create index ix_recording_text_line_words on recording_text_line using gin (words_tsv)");
        }
    }
}
