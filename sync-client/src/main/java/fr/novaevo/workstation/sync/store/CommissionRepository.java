package fr.novaevo.workstation.sync.store;

import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Commissions as pulled from the platform (read-only here), by period and status, with exact monthly totals. */
public final class CommissionRepository {

    /** Sums of one month in one currency, in cents: exact, no floating point. */
    public record MonthlyTotal(YearMonth period, String currency, int count, long saleAmountCents, long commissionCents) {
    }

    private final SyncDatabase db;

    public CommissionRepository(SyncDatabase db) {
        this.db = db;
    }

    public List<Commission> all() {
        return query("SELECT JSON FROM SYNC.COMMISSION ORDER BY PERIOD, ID", null);
    }

    public List<Commission> inPeriod(YearMonth period) {
        return query("SELECT JSON FROM SYNC.COMMISSION WHERE PERIOD = ? ORDER BY ID", period.toString());
    }

    /** The commissions of a period (null: all periods) whose status is in {@code statuses}, by period. */
    public List<Commission> find(YearMonth period, Collection<CommissionStatus> statuses) {
        List<Commission> source = period == null ? all() : inPeriod(period);
        return source.stream().filter(c -> statuses.contains(c.status())).toList();
    }

    /** Totals per month and currency of the commissions whose status is in {@code statuses}. */
    public List<MonthlyTotal> monthlyTotals(Collection<CommissionStatus> statuses) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Commission c : all()) {
            if (!statuses.contains(c.status())) {
                continue;
            }
            long[] s = sums.computeIfAbsent(c.period() + " " + c.currency(), k -> new long[3]);
            s[0]++;
            s[1] = Math.addExact(s[1], c.saleAmountCents());
            s[2] = Math.addExact(s[2], c.commissionCents());
        }
        List<MonthlyTotal> totals = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] parts = key.split(" ");
            totals.add(new MonthlyTotal(YearMonth.parse(parts[0]), parts[1], (int) s[0], s[1], s[2]));
        });
        return totals;
    }

    private List<Commission> query(String sql, String param) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                List<Commission> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            result.add(db.json().readValue(rs.getString(1), Commission.class));
                        } catch (Exception e) {
                            throw new SyncStoreException("unreadable commission", e);
                        }
                    }
                }
                return result;
            }
        });
    }
}
