package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.json.JsonPaths;
import fr.novaevo.workstation.sync.model.BookingStatus;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.CommissionStatus;
import fr.novaevo.workstation.sync.model.EntityType;
import fr.novaevo.workstation.sync.model.Ids;
import fr.novaevo.workstation.sync.model.OpKind;
import fr.novaevo.workstation.sync.model.OpResult;
import fr.novaevo.workstation.sync.model.PushRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything the emulated platform holds, and its rules: bookings, sales, commissions, the change feed
 * (a server sequence, compacted), applied operation ids. One lock: the platform applies one batch at a time,
 * each operation seeing the effects of those before it.
 */
public final class PlatformState {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private static final class Stored {
        final EntityType type;
        final UUID id;
        ObjectNode data;
        long rev;
        boolean deleted;
        long seq;

        Stored(EntityType type, UUID id) {
            this.type = type;
            this.id = id;
        }
    }

    /**
     * One change the platform made to a booking, in order: by a workstation ({@code opId} set) or by the
     * platform itself ({@code opId} null). {@code before} is the booking's data before it (null for a create).
     */
    public record AppliedChange(UUID opId, UUID bookingId, OpKind op, long rev, ObjectNode fields, ObjectNode before) {
    }

    record ParsedOp(UUID opId, EntityType type, UUID id, OpKind op, Long baseRev, ObjectNode fields) {
    }

    private final ObjectMapper json;
    private final InstantSource clock;
    private final String garageId;
    private final Duration cursorTtl;
    private final Ids ids;
    private final Map<UUID, Stored> bookings = new HashMap<>();
    private final Map<UUID, Stored> commissions = new HashMap<>();
    private final Map<UUID, Stored> sales = new HashMap<>();
    private final TreeMap<Long, Stored> feed = new TreeMap<>();
    private final Map<UUID, Long> appliedOps = new HashMap<>();
    private final Map<String, PartOffer> offers = new LinkedHashMap<>();
    private final List<AppliedChange> bookingLog = new ArrayList<>();
    private long seq;
    private long cursorGeneration;

    PlatformState(ObjectMapper json, InstantSource clock, String garageId, Duration cursorTtl) {
        this.json = json;
        this.clock = clock;
        this.garageId = garageId;
        this.cursorTtl = cursorTtl;
        this.ids = new Ids(clock);
    }

    public String garageId() {
        return garageId;
    }

    // ---------------------------------------------------------------- pull

    synchronized ObjectNode changes(String since, String limitParam) {
        int limit = parseLimit(limitParam);
        long from = 0;
        if (since != null) {
            CursorCodec.Cursor cursor = CursorCodec.decode(since);
            if (cursor.seq() > seq) {
                throw new ApiProblem(400, "invalid_cursor", "cursor from the future");
            }
            if (cursor.generation() != cursorGeneration || clock.instant().isAfter(cursor.issuedAt().plus(cursorTtl))) {
                throw new ApiProblem(410, "cursor_expired", "cursor too old: pull from the beginning");
            }
            from = cursor.seq();
        }
        ObjectNode page = json.createObjectNode();
        ArrayNode changes = page.putArray("changes");
        long last = from;
        int count = 0;
        boolean more = false;
        for (Stored stored : feed.tailMap(from, false).values()) {
            if (count == limit) {
                more = true;
                break;
            }
            ObjectNode change = changes.addObject();
            change.put("type", stored.type.wire());
            change.put("id", stored.id.toString());
            change.put("rev", stored.rev);
            change.put("deleted", stored.deleted);
            change.set("data", stored.deleted ? NullNode.getInstance() : stored.data.deepCopy());
            last = stored.seq;
            count++;
        }
        page.put("nextCursor", CursorCodec.encode(new CursorCodec.Cursor(cursorGeneration, last,
                clock.instant().truncatedTo(ChronoUnit.SECONDS))));
        page.put("hasMore", more);
        return page;
    }

    private static int parseLimit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ApiProblem(400, "invalid_parameter", "limit must be 1 to 1000");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "invalid_parameter", "limit must be 1 to 1000");
        }
    }

    // ---------------------------------------------------------------- push

    static List<ParsedOp> parseBatch(JsonNode body) {
        JsonNode ops = body.get("ops");
        if (!body.isObject() || ops == null || !ops.isArray() || ops.isEmpty()) {
            throw new ApiProblem(400, "invalid_request", "ops must hold 1 to 100 operations");
        }
        if (ops.size() > PushRequest.MAX_OPS) {
            throw new ApiProblem(400, "too_many_ops", "at most 100 operations per batch");
        }
        List<ParsedOp> parsed = new ArrayList<>();
        Set<UUID> entities = new HashSet<>();
        Set<UUID> opIds = new HashSet<>();
        for (JsonNode op : ops) {
            ParsedOp p = parseOp(op);
            if (!entities.add(p.id()) || !opIds.add(p.opId())) {
                throw new ApiProblem(400, "invalid_request", "at most one operation per entity and per opId in a batch");
            }
            parsed.add(p);
        }
        return parsed;
    }

    private static ParsedOp parseOp(JsonNode op) {
        try {
            UUID opId = UUID.fromString(op.get("opId").asText());
            EntityType type = EntityType.fromWire(op.get("type").asText()).orElseThrow();
            UUID id = UUID.fromString(op.get("id").asText());
            OpKind kind = OpKind.fromWire(op.get("op").asText()).orElseThrow();
            JsonNode baseRev = op.get("baseRev");
            JsonNode fields = op.get("fields");
            if (fields == null || !fields.isObject() || baseRev == null || !(baseRev.isNull() || baseRev.isIntegralNumber())) {
                throw new IllegalArgumentException("fields or baseRev");
            }
            boolean allowed = switch (type) {
                case BOOKING -> true;
                case SALE -> kind == OpKind.CREATE;
                case COMMISSION -> false;
            };
            boolean needsBase = kind != OpKind.CREATE;
            if (!allowed || needsBase == baseRev.isNull()) {
                throw new IllegalArgumentException("op not allowed");
            }
            return new ParsedOp(opId, type, id, kind, baseRev.isNull() ? null : baseRev.asLong(), (ObjectNode) fields);
        } catch (RuntimeException e) {
            throw new ApiProblem(400, "invalid_request", "malformed operation");
        }
    }

    synchronized ObjectNode push(List<ParsedOp> ops) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (ParsedOp op : ops) {
            results.add(json.valueToTree(apply(op)));
        }
        return answer;
    }

    private OpResult apply(ParsedOp op) {
        Long done = appliedOps.get(op.opId());
        if (done != null) {
            return OpResult.duplicate(op.opId(), done);
        }
        Stored target = op.type() == EntityType.BOOKING ? bookings.get(op.id()) : null;
        ObjectNode before = target == null || target.deleted ? null : target.data;
        try {
            long rev = switch (op.type()) {
                case BOOKING -> switch (op.op()) {
                    case CREATE -> createBooking(op);
                    case UPDATE -> updateBooking(op);
                    case DELETE -> deleteBooking(op);
                };
                case SALE -> createSale(op);
                case COMMISSION -> throw new IllegalStateException("filtered by parseOp");
            };
            appliedOps.put(op.opId(), rev);
            if (op.type() == EntityType.BOOKING) {
                bookingLog.add(new AppliedChange(op.opId(), op.id(), op.op(), rev, op.fields().deepCopy(), before));
            }
            return OpResult.applied(op.opId(), rev);
        } catch (ConflictWith conflict) {
            return OpResult.conflict(op.opId(), conflict.current);
        } catch (OpRejected rejected) {
            return OpResult.rejected(op.opId(), rejected.code, rejected.getMessage());
        }
    }

    private static final class ConflictWith extends RuntimeException {
        final JsonNode current;

        ConflictWith(JsonNode current) {
            super(null, null, false, false);
            this.current = current;
        }
    }

    private long createBooking(ParsedOp op) {
        BookingRules.checkCreate(op.fields(), op.id().toString());
        Stored existing = bookings.get(op.id());
        if (existing != null) {
            throw new ConflictWith(currentOf(existing));
        }
        ObjectNode data = normalizedBooking(op.id(), op.fields());
        checkSlot(op.id(), data);
        Stored stored = new Stored(EntityType.BOOKING, op.id());
        stored.rev = 1;
        data.put("rev", 1);
        stored.data = data;
        bookings.put(op.id(), stored);
        touch(stored);
        return 1;
    }

    private ObjectNode normalizedBooking(UUID id, ObjectNode f) {
        String now = now().toString();
        ObjectNode b = json.createObjectNode();
        b.put("id", id.toString());
        b.put("rev", 1);
        b.put("garageId", garageId);
        b.set("status", f.get("status"));
        b.put("slotStart", BookingRules.parseInstant(f.get("slotStart"), "slotStart").toString());
        b.set("durationMinutes", f.get("durationMinutes"));
        b.set("bay", f.get("bay"));
        ObjectNode customer = b.putObject("customer");
        for (String k : List.of("name", "phone", "email")) {
            customer.set(k, JsonPaths.get(f, "customer." + k));
        }
        ObjectNode vehicle = b.putObject("vehicle");
        for (String k : List.of("vin", "plate", "make", "model", "year", "mileageKm")) {
            vehicle.set(k, JsonPaths.get(f, "vehicle." + k));
        }
        ObjectNode service = b.putObject("service");
        service.set("code", JsonPaths.get(f, "service.code"));
        service.set("description", JsonPaths.get(f, "service.description"));
        JsonNode notes = f.get("notes");
        b.put("notes", notes == null || notes.isNull() ? "" : notes.asText());
        b.put("source", "workstation");
        b.put("createdAt", now);
        b.put("updatedAt", now);
        return b;
    }

    private long updateBooking(ParsedOp op) {
        BookingRules.checkUpdate(op.fields());
        Stored stored = liveBooking(op.id());
        if (stored.rev != op.baseRev()) {
            throw new ConflictWith(currentOf(stored));
        }
        ObjectNode next = stored.data.deepCopy();
        op.fields().properties().forEach(e -> JsonPaths.set(next, e.getKey(), e.getValue()));
        if (next.hasNonNull("slotStart")) {
            next.put("slotStart", Instant.parse(next.get("slotStart").asText()).toString());
        }
        checkBookingRules(stored, next);
        commit(stored, next);
        return stored.rev;
    }

    private void checkBookingRules(Stored stored, ObjectNode next) {
        BookingStatus from = BookingStatus.fromJson(stored.data.get("status").asText());
        BookingStatus to = BookingStatus.fromJson(next.get("status").asText());
        if (from != to && !from.canBecome(to)) {
            throw new OpRejected("invalid_transition", from.wire() + " cannot become " + to.wire());
        }
        boolean slotChanged = !stored.data.get("slotStart").equals(next.get("slotStart"))
                || stored.data.get("durationMinutes").asLong() != next.get("durationMinutes").asLong()
                || !BookingRules.bayKey(stored.data.get("bay").asText()).equals(BookingRules.bayKey(next.get("bay").asText()))
                || (!from.occupiesBay() && to.occupiesBay());
        if (slotChanged) {
            checkSlot(stored.id, next);
        }
    }

    private void checkSlot(UUID self, ObjectNode booking) {
        if (!BookingStatus.fromJson(booking.get("status").asText()).occupiesBay()) {
            return;
        }
        Instant start = Instant.parse(booking.get("slotStart").asText());
        Instant end = start.plus(Duration.ofMinutes(booking.get("durationMinutes").asLong()));
        String bay = BookingRules.bayKey(booking.get("bay").asText());
        for (Stored other : bookings.values()) {
            if (other.deleted || other.id.equals(self)) {
                continue;
            }
            ObjectNode o = other.data;
            if (!BookingStatus.fromJson(o.get("status").asText()).occupiesBay()
                    || !BookingRules.bayKey(o.get("bay").asText()).equals(bay)) {
                continue;
            }
            Instant oStart = Instant.parse(o.get("slotStart").asText());
            Instant oEnd = oStart.plus(Duration.ofMinutes(o.get("durationMinutes").asLong()));
            if (start.isBefore(oEnd) && oStart.isBefore(end)) {
                throw new OpRejected("slot_taken", o.get("bay").asText() + " is booked from " + oStart);
            }
        }
    }

    private long deleteBooking(ParsedOp op) {
        if (!op.fields().isEmpty()) {
            throw BookingRules.invalid(op.fields().fieldNames().next());
        }
        Stored stored = liveBooking(op.id());
        if (stored.rev != op.baseRev()) {
            throw new ConflictWith(currentOf(stored));
        }
        if (!"workstation".equals(stored.data.path("source").asText())
                || !BookingStatus.REQUESTED.wire().equals(stored.data.get("status").asText())) {
            throw new OpRejected("not_deletable", "only requested walk-in bookings can be deleted: cancel instead");
        }
        tombstone(stored);
        return stored.rev;
    }

    private Stored liveBooking(UUID id) {
        Stored stored = bookings.get(id);
        if (stored == null || stored.deleted) {
            throw new OpRejected("not_found", id.toString());
        }
        return stored;
    }

    private JsonNode currentOf(Stored stored) {
        if (stored.deleted) {
            ObjectNode tomb = json.createObjectNode();
            tomb.put("id", stored.id.toString()).put("rev", stored.rev).put("deleted", true);
            return tomb;
        }
        return stored.data.deepCopy();
    }

    private long createSale(ParsedOp op) {
        ObjectNode f = op.fields();
        PartOffer offer = checkSale(op.id(), f);
        Stored existing = sales.get(op.id());
        if (existing != null) {
            throw new ConflictWith(existing.data.deepCopy());
        }
        if (offer == null) {
            throw new OpRejected("unknown_offer", f.get("offerId").asText());
        }
        ObjectNode sale = f.deepCopy();
        sale.put("id", op.id().toString());
        Stored stored = new Stored(EntityType.SALE, op.id());
        stored.rev = 1;
        stored.data = sale;
        sales.put(op.id(), stored);
        addCommission(sale, offer);
        return 1;
    }

    private PartOffer checkSale(UUID id, ObjectNode f) {
        if (f.hasNonNull("id") && !f.get("id").asText().equals(id.toString())) {
            throw BookingRules.invalid("id");
        }
        JsonNode offerId = f.get("offerId");
        if (offerId == null || !offerId.isTextual() || offerId.asText().isBlank()) {
            throw BookingRules.invalid("offerId");
        }
        JsonNode partnerId = f.get("partnerId");
        if (partnerId == null || !partnerId.isTextual()) {
            throw BookingRules.invalid("partnerId");
        }
        PartOffer offer = offers.get(offerId.asText());
        if (offer != null && !offer.partnerId().equals(partnerId.asText())) {
            throw BookingRules.invalid("partnerId");
        }
        JsonNode bookingId = f.get("bookingId");
        if (bookingId != null && !bookingId.isNull()) {
            try {
                Stored b = bookings.get(UUID.fromString(bookingId.asText()));
                if (b == null || b.deleted) {
                    throw BookingRules.invalid("bookingId");
                }
            } catch (IllegalArgumentException e) {
                throw BookingRules.invalid("bookingId");
            }
        }
        JsonNode orderRef = f.get("orderRef");
        if (orderRef != null && !orderRef.isNull() && !orderRef.isTextual()) {
            throw BookingRules.invalid("orderRef");
        }
        JsonNode lines = f.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty() || lines.size() > 100) {
            throw BookingRules.invalid("lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!line.isObject()) {
                throw BookingRules.invalid(at);
            }
            if (!line.path("sku").isTextual()) {
                throw BookingRules.invalid(at + ".sku");
            }
            JsonNode q = line.get("quantity");
            if (q == null || !q.isIntegralNumber() || q.asLong() < 1 || q.asLong() > 10_000) {
                throw BookingRules.invalid(at + ".quantity");
            }
            JsonNode p = line.get("unitPriceCents");
            if (p == null || !p.isIntegralNumber() || p.asLong() < 0 || p.asLong() > 100_000_000) {
                throw BookingRules.invalid(at + ".unitPriceCents");
            }
        }
        JsonNode currency = f.get("currency");
        if (currency == null || !currency.isTextual() || (offer != null && !offer.currency().equals(currency.asText()))) {
            throw BookingRules.invalid("currency");
        }
        BookingRules.parseInstant(f.path("declaredAt"), "declaredAt");
        return offer;
    }

    private void addCommission(ObjectNode sale, PartOffer offer) {
        long amount = 0;
        for (JsonNode line : sale.get("lines")) {
            amount += line.get("quantity").asLong() * line.get("unitPriceCents").asLong();
        }
        Instant declaredAt = Instant.parse(sale.get("declaredAt").asText());
        UUID id = ids.next();
        String now = now().toString();
        ObjectNode c = json.createObjectNode();
        c.put("id", id.toString());
        c.put("rev", 1);
        c.put("garageId", garageId);
        c.set("bookingId", sale.hasNonNull("bookingId") ? sale.get("bookingId") : NullNode.getInstance());
        c.put("saleId", sale.get("id").asText());
        c.putObject("partner").put("id", offer.partnerId()).put("name", offer.partnerName());
        c.set("orderRef", sale.hasNonNull("orderRef") ? sale.get("orderRef") : NullNode.getInstance());
        c.put("saleAmountCents", amount);
        c.put("currency", offer.currency());
        c.put("rateBps", offer.rateBps());
        c.put("commissionCents", Commission.commissionCents(amount, offer.rateBps()));
        c.put("status", CommissionStatus.PENDING.wire());
        c.put("period", Commission.periodOf(declaredAt).toString());
        c.putNull("validatedAt");
        c.putNull("paidAt");
        c.put("createdAt", now);
        c.put("updatedAt", now);
        Stored stored = new Stored(EntityType.COMMISSION, id);
        stored.rev = 1;
        stored.data = c;
        commissions.put(id, stored);
        touch(stored);
    }

    private void commit(Stored stored, ObjectNode next) {
        stored.rev++;
        next.put("rev", stored.rev);
        next.put("updatedAt", now().toString());
        stored.data = next;
        touch(stored);
    }

    private void tombstone(Stored stored) {
        stored.rev++;
        stored.deleted = true;
        touch(stored);
    }

    private void touch(Stored stored) {
        if (stored.seq != 0) {
            feed.remove(stored.seq);
        }
        stored.seq = ++seq;
        feed.put(stored.seq, stored);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- the platform's own side

    /** Adds an offer to the catalogue sales are checked against. */
    public synchronized void addOffer(PartOffer offer) {
        offers.put(offer.offerId(), offer);
    }

    public synchronized List<PartOffer> offers() {
        return List.copyOf(offers.values());
    }

    /**
     * A booking made on the platform (by the customer online): {@code source: "platform"}.
     *
     * @throws IllegalStateException when a rule refuses it (a taken slot, a missing field)
     */
    public synchronized UUID platformCreateBooking(ObjectNode booking) {
        UUID id = booking.hasNonNull("id") ? UUID.fromString(booking.get("id").asText()) : ids.next();
        ObjectNode fields = booking.deepCopy();
        fields.remove(List.of("id", "source", "rev", "garageId", "createdAt", "updatedAt"));
        ObjectNode data;
        try {
            BookingRules.checkCreate(fields, id.toString());
            data = normalizedBooking(id, fields);
            data.put("source", "platform");
            checkSlot(id, data);
        } catch (OpRejected e) {
            throw new IllegalStateException(e.code + ": " + e.getMessage(), e);
        }
        Stored stored = new Stored(EntityType.BOOKING, id);
        stored.rev = 1;
        stored.data = data;
        bookings.put(id, stored);
        touch(stored);
        return id;
    }

    /**
     * The platform edits a booking (the customer moves it online, the office adds a note), with the same
     * rules as a workstation update. Used to make a workstation's edit meet a concurrent platform edit.
     *
     * @return the new revision
     * @throws IllegalStateException when a rule refuses the edit
     */
    public synchronized long platformUpdateBooking(UUID id, Map<String, ?> fields) {
        ObjectNode node = json.valueToTree(fields);
        try {
            BookingRules.checkUpdate(node);
            Stored stored = liveBooking(id);
            ObjectNode next = stored.data.deepCopy();
            node.properties().forEach(e -> JsonPaths.set(next, e.getKey(), e.getValue()));
            checkBookingRules(stored, next);
            ObjectNode before = stored.data;
            commit(stored, next);
            bookingLog.add(new AppliedChange(null, id, OpKind.UPDATE, stored.rev, node, before));
            return stored.rev;
        } catch (OpRejected e) {
            throw new IllegalStateException(e.code + ": " + e.getMessage(), e);
        }
    }

    /** The platform removes a booking: a tombstone in the feed. */
    public synchronized long platformDeleteBooking(UUID id) {
        try {
            Stored stored = liveBooking(id);
            tombstone(stored);
            return stored.rev;
        } catch (OpRejected e) {
            throw new IllegalStateException(e.code + ": " + e.getMessage(), e);
        }
    }

    /** Validates, cancels or pays a commission, following its status rules. */
    public synchronized long platformSetCommissionStatus(UUID id, CommissionStatus status) {
        Stored stored = commissions.get(id);
        if (stored == null) {
            throw new IllegalStateException("no commission " + id);
        }
        CommissionStatus from = CommissionStatus.fromJson(stored.data.get("status").asText());
        if (!from.canBecome(status)) {
            throw new IllegalStateException(from.wire() + " cannot become " + status.wire());
        }
        ObjectNode next = stored.data.deepCopy();
        next.put("status", status.wire());
        if (status == CommissionStatus.VALIDATED) {
            next.put("validatedAt", now().toString());
        } else if (status == CommissionStatus.PAID) {
            next.put("paidAt", now().toString());
        }
        commit(stored, next);
        return stored.rev;
    }

    /** Seeds an entity as it would already be on the platform (sample data). */
    synchronized void seed(EntityType type, ObjectNode data) {
        UUID id = UUID.fromString(data.get("id").asText());
        Stored stored = new Stored(type, id);
        stored.rev = data.path("rev").asLong(1);
        stored.data = data;
        (type == EntityType.BOOKING ? bookings : commissions).put(id, stored);
        touch(stored);
    }

    /** Every cursor handed out so far becomes expired ({@code 410 cursor_expired}). */
    public synchronized void expireCursors() {
        cursorGeneration++;
    }

    public synchronized List<ObjectNode> liveBookings() {
        return bookings.values().stream().filter(s -> !s.deleted).map(s -> s.data.deepCopy()).toList();
    }

    public synchronized Optional<ObjectNode> booking(UUID id) {
        Stored stored = bookings.get(id);
        return stored == null || stored.deleted ? Optional.empty() : Optional.of(stored.data.deepCopy());
    }

    public synchronized boolean isDeleted(UUID id) {
        Stored stored = bookings.get(id);
        return stored != null && stored.deleted;
    }

    public synchronized List<ObjectNode> commissions() {
        return commissions.values().stream().map(s -> s.data.deepCopy()).toList();
    }

    public synchronized Optional<ObjectNode> sale(UUID id) {
        Stored stored = sales.get(id);
        return stored == null ? Optional.empty() : Optional.of(stored.data.deepCopy());
    }

    /** Every change made to bookings, in the order the platform made them. */
    public synchronized List<AppliedChange> bookingLog() {
        return List.copyOf(bookingLog);
    }

    /** How many distinct operations were applied (a resent one counts once). */
    public synchronized int appliedOperationCount() {
        return appliedOps.size();
    }
}
