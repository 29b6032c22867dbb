package io.airlock.server.history;

import io.airlock.server.history.HistoryController.HistoryRow;
import io.airlock.server.session.SessionRecordRepository;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Session History a page at a time, over the whole history, for System Admins and Access Admins. */
@Service
class HistoryPages {

    /** A page of Session History and how many sessions match in all. */
    record SessionPage(List<HistoryRow> items, int page, int size, long total) {
    }

    private final SessionRecordRepository records;

    HistoryPages(SessionRecordRepository records) {
        this.records = records;
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    SessionPage page(HistoryQuery query) {
        var condition = query.condition();
        long total = records.count(condition.sql(), condition.params());
        List<HistoryRow> rows = query.offset() >= total ? List.of()
                : records.page(condition.sql(), condition.params(), query.orderBy(), query.offset(), query.size())
                        .stream().map(HistoryRow::of).toList();
        return new SessionPage(rows, query.page(), query.size(), total);
    }
}
