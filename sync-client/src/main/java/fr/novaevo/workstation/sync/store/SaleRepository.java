package fr.novaevo.workstation.sync.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.Sale;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Partner sales declared at the workstation; each comes back from the platform as a pending commission. */
public final class SaleRepository {

    /** A declared sale and where it stands: PENDING, SYNCED or REJECTED. */
    public record LocalSale(Sale sale, String state) {
    }

    private final SyncDatabase db;
    private final Rows rows;

    public SaleRepository(SyncDatabase db) {
        this.db = db;
        this.rows = new Rows(db);
    }

    /** Records the sale and its outbox entry in one transaction; the id is generated when the sale has none. */
    public Sale declare(Sale draft) {
        if (draft.lines().isEmpty() || draft.lines().size() > 100
                || draft.lines().stream().anyMatch(l -> l.quantity() < 1 || l.unitPriceCents() < 0)) {
            throw new LocalEditException(LocalEditException.INVALID_FIELD, "a sale has 1 to 100 lines", "lines");
        }
        if (draft.offerId() == null || draft.partnerId() == null || draft.declaredAt() == null || draft.currency() == null) {
            throw new LocalEditException(LocalEditException.INVALID_FIELD, "offer, partner, currency and date are required",
                    "offerId");
        }
        Sale sale = draft.id() != null ? draft : new Sale(db.ids().next(), draft.bookingId(), draft.offerId(),
                draft.partnerId(), draft.orderRef(), draft.lines(), draft.currency(), draft.declaredAt());
        ObjectNode fields = db.json().valueToTree(sale);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO SYNC.SALE (ID, JSON, STATE, DECLARED_AT) VALUES (?, ?, 'PENDING', ?)")) {
                ps.setObject(1, sale.id());
                ps.setString(2, fields.toString());
                ps.setObject(3, OffsetDateTime.ofInstant(sale.declaredAt(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            rows.insertOutbox(c, EntityType.SALE, sale.id(), OpKind.CREATE, fields, 0);
            return null;
        });
        return sale;
    }

    public List<LocalSale> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT JSON, STATE FROM SYNC.SALE ORDER BY DECLARED_AT, ID");
                 ResultSet rs = ps.executeQuery()) {
                List<LocalSale> result = new ArrayList<>();
                while (rs.next()) {
                    try {
                        result.add(new LocalSale(db.json().readValue(rs.getString(1), Sale.class), rs.getString(2)));
                    } catch (Exception e) {
                        throw new SyncStoreException("unreadable sale", e);
                    }
                }
                return result;
            }
        });
    }

    public LocalSale find(UUID id) {
        return all().stream().filter(s -> s.sale().id().equals(id)).findFirst()
                .orElseThrow(() -> new LocalEditException(LocalEditException.NOT_FOUND, "no sale " + id, id.toString()));
    }
}
