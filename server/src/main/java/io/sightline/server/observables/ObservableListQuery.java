package io.sightline.server.observables;

import io.sightline.server.core.Invalid;
import java.util.Locale;

/**
 * One page of the observables of a case or an alert, as the analyst's table asks for it.
 *
 * @param dataType only this type; {@code null} for all
 * @param ioc      only IOCs ({@code true}), only non-IOCs ({@code false}), or both ({@code null})
 * @param search   a part of the value (or file name), case-insensitive; {@code null} for any
 * @param page     counts from 1
 */
public record ObservableListQuery(String dataType, Boolean ioc, String search, Sort sort, boolean descending, int page,
                                  int pageSize) {
    public static final int MAX_PAGE_SIZE = 200;

    /** The columns a table may be sorted by, each an SQL expression over the row {@code o} and its file {@code a}. */
    public enum Sort {
        ADDED("o.id"), TYPE("o.data_type"), VALUE("COALESCE(o.data, a.name)"), IOC("o.ioc"), TLP("o.tlp");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        /** The sort of a name ({@code type}, {@code value}…); blank is the order of adding. */
        public static Sort named(String name) {
            if (name == null || name.isBlank()) return ADDED;
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Invalid("Unknown sort " + name + " (added, type, value, ioc or tlp)");
            }
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ObservableListQuery {
        if (sort == null) sort = Sort.ADDED;
        if (page < 1) throw new Invalid("Page must be 1 or more, not " + page);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new Invalid("Page size must be between 1 and " + MAX_PAGE_SIZE);
        if (search != null && search.isBlank()) search = null;
        if (search != null && search.length() > 1000) throw new Invalid("A search is at most 1,000 characters");
        if (dataType != null && dataType.isBlank()) dataType = null;
    }

    /** The first rows of the order of adding: what a table shows before any filter. */
    public static ObservableListQuery firstPage(int pageSize) {
        return new ObservableListQuery(null, null, null, Sort.ADDED, false, 1, pageSize);
    }

    public ObservableListQuery withPage(int newPage) {
        return new ObservableListQuery(dataType, ioc, search, sort, descending, newPage, pageSize);
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }
}
