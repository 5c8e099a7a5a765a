package fr.novaevo.workstation.sync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.EntityType;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic French sample data for the demo: a garage's bookings over two weeks on three bays and a
 * geometry bench, and commissions on past partner sales. Seeded, so every demo shows the same agenda
 * relative to today.
 */
final class SampleData {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] BAYS = {"Pont 1", "Pont 2", "Pont 3", "Banc géométrie"};
    private static final LocalTime[] SLOTS = {LocalTime.of(8, 30), LocalTime.of(10, 0), LocalTime.of(11, 30),
            LocalTime.of(14, 0), LocalTime.of(15, 30), LocalTime.of(17, 0)};
    private static final String[][] CUSTOMERS = {
            {"Claire Moreau", "+33612345678", "claire.moreau@example.fr"},
            {"Julien Lefèvre", "+33623456789", "julien.lefevre@example.fr"},
            {"Sophie Garnier", "+33634567890", "sophie.garnier@example.fr"},
            {"Thomas Roux", "+33645678901", null},
            {"Nathalie Fournier", "+33656789012", "n.fournier@example.fr"},
            {"Karim Benali", "+33667890123", "karim.benali@example.fr"},
            {"Élodie Chevalier", "+33678901234", null},
            {"Mathieu Girard", "+33689012345", "mathieu.girard@example.fr"},
            {"Isabelle Faure", "+33690123456", "isabelle.faure@example.fr"},
            {"Antoine Mercier", "+33701234567", null},
            {"Camille Bonnet", "+33712345678", "camille.bonnet@example.fr"},
            {"Hugo Lambert", "+33723456789", "hugo.lambert@example.fr"}};
    private static final String[][] VEHICLES = {
            {"VF1RFB00X12345678", "Renault", "Clio V"},
            {"VF3MCYHZRKS123456", "Peugeot", "208"},
            {"VF7SXHMZ6JT123456", "Citroën", "C3"},
            {"UU1B5220X61234567", "Dacia", "Sandero"},
            {"VF1RFE00X56789012", "Renault", "Mégane IV"},
            {"VF3MRHNSMKS654321", "Peugeot", "3008"},
            {"WVWZZZAUZKW123456", "Volkswagen", "Golf VII"},
            {"VNKKL3D3X0A123456", "Toyota", "Yaris"}};
    private static final String[][] SERVICES = {
            {"diagnostic", "Voyant moteur allumé"},
            {"maintenance", "Révision des 60 000 km"},
            {"repair", "Bruit au freinage à l'avant"},
            {"ecu_programming", "Mise à jour calculateur moteur"},
            {"tyres", "Montage et équilibrage 4 pneus hiver"},
            {"maintenance", "Vidange et filtres"},
            {"diagnostic", "Perte de puissance, fumée noire"},
            {"repair", "Remplacement kit distribution"},
            {"bodywork", "Rayure portière arrière droite"},
            {"other", "Contrôle avant contrôle technique"}};

    private final ObjectMapper json;
    private final InstantSource clock;
    private final String garageId;
    private final Random random = new Random(20261121L);

    SampleData(ObjectMapper json, InstantSource clock, String garageId) {
        this.json = json;
        this.clock = clock;
        this.garageId = garageId;
    }

    /** The offers the sample commissions were sold through. */
    private static final List<PartOffer> SOLD = List.of(
                new PartOffer("o-55821", "p-pex", "Pièces Express", "BOS-0258006537", "Sonde lambda amont Bosch",
                        18990, "EUR", "in_stock", 1, 550, List.of("P0130", "P0131", "P0134"),
                        List.of("Renault", "Peugeot", "Citroën", "Dacia")),
                new PartOffer("o-55822", "p-autodis", "Autodistribution", "NGK-OZA659", "Sonde lambda NGK",
                        14250, "EUR", "in_stock", 2, 600, List.of("P0130", "P0134"),
                        List.of("Renault", "Dacia", "Toyota")),
                new PartOffer("o-61003", "p-pex", "Pièces Express", "VAL-245703", "Vanne EGR Valeo",
                        23900, "EUR", "on_order", 4, 500, List.of("P0401", "P0403"),
                        List.of("Renault", "Peugeot", "Citroën")),
                new PartOffer("o-61004", "p-oscaro", "Oscaro Pro", "PIE-7.24809", "Vanne EGR Pierburg",
                        21450, "EUR", "in_stock", 2, 450, List.of("P0401"),
                        List.of("Volkswagen", "Peugeot")),
                new PartOffer("o-70210", "p-autodis", "Autodistribution", "BOS-0986594", "Bobine d'allumage Bosch",
                        4590, "EUR", "in_stock", 1, 700, List.of("P0300", "P0301", "P0302"),
                        List.of("Renault", "Peugeot", "Citroën", "Volkswagen", "Toyota", "Dacia")),
                new PartOffer("o-70211", "p-oscaro", "Oscaro Pro", "FEB-0258", "Plaquettes de frein avant Ferodo",
                        3890, "EUR", "in_stock", 1, 800, List.of(),
                        List.of("Renault", "Peugeot", "Citroën", "Dacia")));

    /**
     * The rest of the catalogue: parts for the fault codes the built-in virtual vehicles report (P0420
     * catalyst, P0171 lean mixture, P0133 slow oxygen sensor, P0300/P0302 misfires), from several partners,
     * in stock or on order, as a parts search answers at the bench.
     */
    private static final List<PartOffer> CATALOGUE = List.of(
            new PartOffer("o-80117", "p-autodis", "Autodistribution", "BOS-099112", "Catalyseur Bosal",
                    38900, "EUR", "on_order", 3, 500, List.of("P0420", "P0421"),
                    List.of("Renault", "Dacia", "Peugeot", "Citroën")),
            new PartOffer("o-80118", "p-oscaro", "Oscaro Pro", "WAL-28512", "Catalyseur Walker",
                    42500, "EUR", "in_stock", 2, 450, List.of("P0420", "P0421"),
                    List.of("Renault", "Dacia", "Volkswagen")),
            new PartOffer("o-80121", "p-pex", "Pièces Express", "BOS-0258010065", "Sonde lambda aval Bosch",
                    9990, "EUR", "in_stock", 1, 550, List.of("P0420", "P0136", "P0141"),
                    List.of("Renault", "Peugeot", "Citroën", "Dacia")),
            new PartOffer("o-80230", "p-pex", "Pièces Express", "BOS-0280218119", "Débitmètre d'air Bosch",
                    15990, "EUR", "in_stock", 1, 550, List.of("P0171", "P0174", "P0101"),
                    List.of("Renault", "Peugeot", "Citroën", "Dacia", "Volkswagen")),
            new PartOffer("o-80231", "p-autodis", "Autodistribution", "ELR-026150", "Joint de collecteur d'admission Elring",
                    2490, "EUR", "in_stock", 1, 700, List.of("P0171", "P0174"),
                    List.of("Renault", "Dacia", "Peugeot")),
            new PartOffer("o-80340", "p-oscaro", "Oscaro Pro", "NGK-BKR6EK", "Bougies d'allumage NGK (jeu de 4)",
                    3160, "EUR", "in_stock", 1, 800, List.of("P0300", "P0301", "P0302", "P0303", "P0304"),
                    List.of("Renault", "Peugeot", "Citroën", "Dacia", "Toyota")),
            new PartOffer("o-80341", "p-pex", "Pièces Express", "DEL-GS10000", "Bobine d'allumage Delphi",
                    5290, "EUR", "on_order", 2, 550, List.of("P0300", "P0302"),
                    List.of("Renault", "Dacia")),
            new PartOffer("o-80450", "p-autodis", "Autodistribution", "NGK-OZA527", "Sonde lambda amont NGK",
                    11890, "EUR", "in_stock", 1, 600, List.of("P0133", "P0135"),
                    List.of("Renault", "Peugeot", "Citroën", "Dacia")));

    /** Every offer of the emulator's catalogue. */
    static List<PartOffer> offers() {
        return java.util.stream.Stream.concat(SOLD.stream(), CATALOGUE.stream()).toList();
    }

    void seed(PlatformState state) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        int n = 0;
        for (int day = -3; day <= 10; day++) {
            LocalDate date = today.plusDays(day);
            if (date.getDayOfWeek().getValue() == 7) {
                continue;
            }
            for (String bay : BAYS) {
                for (LocalTime slot : SLOTS) {
                    if (random.nextInt(100) < 55) {
                        continue;
                    }
                    state.seed(EntityType.BOOKING, booking(n++, date, slot, bay, day, now));
                }
            }
        }
        seedCommissions(state, today, now);
    }

    /**
     * {@code count} non-overlapping bookings (20 bays, half-hour slots from 08:00, day after day), for
     * benchmarks and load tests.
     */
    void seedBulk(PlatformState state, int count) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate first = LocalDate.ofInstant(now, PARIS).plusDays(1);
        for (int n = 0; n < count; n++) {
            int perDay = 20 * 20;
            LocalDate date = first.plusDays(n / perDay);
            int inDay = n % perDay;
            String bay = "Pont " + (1 + inDay % 20);
            LocalTime slot = LocalTime.of(8, 0).plusMinutes(30L * (inDay / 20));
            ObjectNode b = booking(n, date, slot, bay, 1, now);
            b.put("id", uuid(0x0195, n).toString());
            b.put("durationMinutes", 30);
            state.seed(EntityType.BOOKING, b);
        }
    }

    private ObjectNode booking(int n, LocalDate date, LocalTime slot, String bay, int day, Instant now) {
        String[] customer = CUSTOMERS[n % CUSTOMERS.length];
        String[] vehicle = VEHICLES[(n * 7 + 3) % VEHICLES.length];
        String[] service = SERVICES[(n * 3 + 1) % SERVICES.length];
        Instant start = date.atTime(slot).atZone(PARIS).toInstant();
        String status = day < 0 ? (n % 9 == 0 ? "no_show" : "completed")
                : day == 0 ? (slot.isBefore(LocalTime.of(12, 0)) ? "checked_in" : "confirmed")
                : (n % 4 == 0 ? "requested" : "confirmed");
        ObjectNode b = json.createObjectNode();
        b.put("id", uuid(0x0193, n).toString());
        b.put("rev", 1 + n % 4);
        b.put("garageId", garageId);
        b.put("status", status);
        b.put("slotStart", start.toString());
        b.put("durationMinutes", service[0].equals("diagnostic") ? 60 : 90);
        b.put("bay", bay);
        b.putObject("customer").put("name", customer[0]).put("phone", customer[1]).put("email", customer[2]);
        ObjectNode v = b.putObject("vehicle");
        v.put("vin", vehicle[0]);
        v.put("plate", plate(n));
        v.put("make", vehicle[1]).put("model", vehicle[2]);
        v.put("year", 2012 + n % 12);
        v.put("mileageKm", 18_000 + (n * 9_137) % 190_000);
        b.putObject("service").put("code", service[0]).put("description", service[1]);
        b.put("notes", n % 5 == 0 ? "Client attend sur place" : "");
        b.put("source", n % 6 == 0 ? "workstation" : "platform");
        Instant created = start.minus(3 + n % 10, ChronoUnit.DAYS);
        Instant createdAt = created.isAfter(now) ? now.minus(1, ChronoUnit.DAYS) : created;
        b.put("createdAt", createdAt.toString());
        b.put("updatedAt", createdAt.plus(2, ChronoUnit.HOURS).isAfter(now) ? now.toString()
                : createdAt.plus(2, ChronoUnit.HOURS).toString());
        return b;
    }

    private void seedCommissions(PlatformState state, LocalDate today, Instant now) {
        List<PartOffer> offers = SOLD;
        String[] statuses = {"paid", "paid", "validated", "validated", "pending", "cancelled", "pending", "validated"};
        for (int i = 0; i < 16; i++) {
            PartOffer offer = offers.get(i % offers.size());
            int quantity = 1 + i % 3;
            long amount = quantity * offer.priceCents();
            Instant declaredAt = today.minusDays(4L * i + 1).atTime(16, 39, 2).atZone(PARIS).toInstant();
            String status = statuses[i % statuses.length];
            ObjectNode c = json.createObjectNode();
            c.put("id", uuid(0x0194, i).toString());
            c.put("rev", switch (status) {
                case "paid" -> 3;
                case "validated", "cancelled" -> 2;
                default -> 1;
            });
            c.put("garageId", garageId);
            c.putNull("bookingId");
            c.put("saleId", uuid(0x0199, i).toString());
            c.putObject("partner").put("id", offer.partnerId()).put("name", offer.partnerName());
            c.put("orderRef", "PX-" + YearMonth.from(declaredAt.atZone(PARIS)).getYear() + "-" + (118_800 + i * 37));
            c.put("saleAmountCents", amount);
            c.put("currency", "EUR");
            c.put("rateBps", offer.rateBps());
            c.put("commissionCents", Commission.commissionCents(amount, offer.rateBps()));
            c.put("status", status);
            c.put("period", Commission.periodOf(declaredAt).toString());
            Instant validatedAt = declaredAt.plus(2, ChronoUnit.DAYS);
            c.put("validatedAt", status.equals("validated") || status.equals("paid") ? min(validatedAt, now) : null);
            c.put("paidAt", status.equals("paid") ? min(validatedAt.plus(15, ChronoUnit.DAYS), now) : null);
            c.put("createdAt", declaredAt.plusSeconds(58).toString());
            c.put("updatedAt", min(declaredAt.plus(3, ChronoUnit.DAYS), now));
            state.seed(EntityType.COMMISSION, c);
        }
    }

    private static String min(Instant a, Instant b) {
        return (a.isBefore(b) ? a : b).toString();
    }

    /** French SIV plates use neither I, O nor U. */
    private static String plate(int n) {
        String letters = "ABCDEFGHJKLMNPQRSTVWXYZ";
        int k = letters.length();
        return "" + letters.charAt((n * 5) % k) + letters.charAt((n * 3 + 1) % k) + "-"
                + String.format("%03d", 100 + (n * 37) % 900) + "-"
                + letters.charAt((n * 11 + 2) % k) + letters.charAt((n * 13 + 3) % k);
    }

    /** Stable, UUID-v7-shaped ids so that the demo data is the same on every start. */
    private static UUID uuid(int prefix, int n) {
        return new UUID(((long) prefix << 48) | 0x7000L | n, 0x8000000000000000L | (0x5eedL << 32) | n);
    }
}
