package fr.novaevo.workstation.app.ui.bookings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import fr.novaevo.workstation.app.ui.FxExecutor;
import fr.novaevo.workstation.app.ui.UiContext;
import fr.novaevo.workstation.app.ui.Views;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.PartsOffer;
import fr.novaevo.workstation.sync.model.Sale;
import fr.novaevo.workstation.sync.model.SaleLine;
import fr.novaevo.workstation.sync.store.LocalBooking;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Partner parts offers for a fault code ({@code parts/offers} with the vehicle's VIN and the code), from the
 * Véhicule area's codes screen: the partner's page opens in the browser, and "Déclarer la vente" records the
 * sale through the outbox; the platform turns it into a pending commission that comes back with the next sync.
 * Online only: without the platform, the dialog says so and nothing is kept.
 */
public final class PartsOffersDialog {

    private final UiContext context;
    private final BookingsFormat format;
    private final String dtc;
    private final String vin;
    private final TableView<PartsOffer> table = new TableView<>();
    private final Label status = new Label();
    private final Label message = new Label();
    private final TextField quantity = new TextField("1");
    private final TextField orderRef = new TextField();
    private final ComboBox<Optional<LocalBooking>> booking = new ComboBox<>();
    private final Label estimate = new Label();
    private final Button confirm = new Button();

    private PartsOffersDialog(UiContext context, String dtc, String vin) {
        this.context = context;
        this.format = new BookingsFormat(context.i18n());
        this.dtc = dtc;
        this.vin = vin;
    }

    /**
     * The codes screen's button: enabled while a code is selected; {@code vin} gives the connected vehicle's
     * VIN (null when unknown), so that only parts for its make are offered.
     */
    public static Button button(UiContext context, ObservableValue<String> selectedCode, Supplier<String> vin) {
        Button button = new Button(context.i18n().t("parts.offers.button"));
        button.setId("vehicle-codes-offers");
        button.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selectedCode.getValue() == null, selectedCode));
        button.setOnAction(e -> {
            if (selectedCode.getValue() != null) {
                new PartsOffersDialog(context, selectedCode.getValue(), vin.get()).show();
            }
        });
        return button;
    }

    private void show() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(context.window());
        dialog.setTitle(format.t("parts.offers.title", dtc));
        dialog.setHeaderText(vin == null ? format.t("parts.offers.header", dtc)
                : format.t("parts.offers.header.vin", dtc, vin));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(format.t("common.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("parts-offers");
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(900);
        dialog.setResizable(true);
        load();
        dialog.show();
    }

    private VBox content() {
        status.setId("parts-offers-status");
        status.setText(format.t("parts.offers.loading"));
        status.setWrapText(true);
        table.setId("parts-offers-table");
        table.setPlaceholder(new Label(format.t("parts.offers.none")));
        table.setPrefHeight(240);
        table.setMinHeight(180);
        table.getColumns().add(column("parts.offers.column.partner", 150, PartsOffer::partnerName));
        table.getColumns().add(column("parts.offers.column.part", 240, PartsOffer::title));
        table.getColumns().add(column("parts.offers.column.sku", 130, PartsOffer::sku));
        table.getColumns().add(column("parts.offers.column.price", 100, o -> format.money(o.priceCents(), o.currency())));
        table.getColumns().add(column("parts.offers.column.availability", 170, this::availability));
        table.getColumns().add(column("parts.offers.column.rate", 80, o -> format.rate(o.rateBps())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button open = new Button(format.t("parts.offers.open"));
        open.setId("parts-offers-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> selected().ifPresent(o -> context.shell().openInBrowser(o.trackingUrl())));
        Button declare = new Button(format.t("parts.offers.declare"));
        declare.setId("parts-offers-declare");
        declare.getStyleClass().add("primary");
        declare.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        VBox form = saleForm();
        form.setVisible(false);
        form.setManaged(false);
        declare.setOnAction(e -> {
            form.setVisible(true);
            form.setManaged(true);
            updateEstimate();
            // The dialog grows to show the form rather than squeezing the offers.
            if (form.getScene() != null && form.getScene().getWindow() != null) {
                form.getScene().getWindow().sizeToScene();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> updateEstimate());
        message.setId("parts-offers-message");
        message.setWrapText(true);
        HBox actions = new HBox(10, open, declare);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, status, table, actions, form, message);
    }

    private VBox saleForm() {
        quantity.setId("parts-offers-quantity");
        quantity.setPrefColumnCount(4);
        quantity.textProperty().addListener((obs, old, now) -> updateEstimate());
        orderRef.setId("parts-offers-order");
        orderRef.setPromptText(format.t("parts.offers.order.prompt"));
        booking.setId("parts-offers-booking");
        booking.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<LocalBooking> value) {
                if (value == null || value.isEmpty()) {
                    return format.t("parts.offers.booking.none");
                }
                Booking b = value.get().booking();
                return format.date(b.slotStart()) + " " + format.time(b.slotStart()) + " — " + format.customer(b);
            }

            @Override
            public Optional<LocalBooking> fromString(String text) {
                return Optional.empty();
            }
        });
        booking.getItems().add(Optional.empty());
        booking.setValue(Optional.empty());
        estimate.setId("parts-offers-estimate");
        confirm.setText(format.t("parts.offers.confirm"));
        confirm.setId("parts-offers-confirm");
        confirm.setOnAction(e -> declareSale());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label(format.t("parts.offers.quantity")), quantity);
        grid.addRow(1, new Label(format.t("parts.offers.order")), orderRef);
        grid.addRow(2, new Label(format.t("parts.offers.booking")), booking);
        return Views.section(format.t("parts.offers.sale"), grid, estimate, confirm);
    }

    private static Optional<Integer> parseQuantity(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= 999 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void updateEstimate() {
        Optional<PartsOffer> offer = selected();
        Optional<Integer> n = parseQuantity(quantity.getText());
        confirm.setDisable(offer.isEmpty() || n.isEmpty());
        if (offer.isEmpty() || n.isEmpty()) {
            estimate.setText(n.isEmpty() ? format.t("parts.offers.quantity.invalid") : "");
            return;
        }
        long total = Math.multiplyExact(n.get(), offer.get().priceCents());
        estimate.setText(format.t("parts.offers.estimate", format.money(total, offer.get().currency()),
                format.money(Commission.commissionCents(total, offer.get().rateBps()), offer.get().currency())));
    }

    private Optional<PartsOffer> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    /** The offers, and the bookings of this vehicle a sale can be tied to. */
    private void load() {
        context.platform().partsOffers(vin, dtc).whenCompleteAsync((found, failure) -> {
            if (failure != null) {
                status.setText(format.t("parts.offers.failed", format.error(BookingsArea.unwrap(failure))));
                status.getStyleClass().add("message-error");
                return;
            }
            table.setItems(FXCollections.observableArrayList(found.offers()));
            status.setText(found.offers().isEmpty() ? format.t("parts.offers.none")
                    : format.t("parts.offers.found", found.offers().size()));
            if (!found.offers().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        }, FxExecutor.INSTANCE);
        if (vin == null) {
            return;
        }
        context.platform().run(s -> s.module().bookings().all().stream()
                .filter(b -> b.booking().vehicle() != null && vin.equals(b.booking().vehicle().vin()))
                .toList()).whenCompleteAsync((bookings, failure) -> {
                    if (bookings == null || bookings.isEmpty()) {
                        return;
                    }
                    List<Optional<LocalBooking>> items = new ArrayList<>();
                    items.add(Optional.empty());
                    bookings.forEach(b -> items.add(Optional.of(b)));
                    booking.getItems().setAll(items);
                    booking.setValue(items.getLast()); // the latest booking of this vehicle
                }, FxExecutor.INSTANCE);
    }

    private void declareSale() {
        Optional<PartsOffer> chosen = selected();
        Optional<Integer> n = parseQuantity(quantity.getText());
        if (chosen.isEmpty() || n.isEmpty()) {
            return;
        }
        PartsOffer offer = chosen.get();
        UUID bookingId = booking.getValue() == null ? null : booking.getValue().map(b -> b.booking().id()).orElse(null);
        String order = orderRef.getText() == null || orderRef.getText().isBlank() ? null : orderRef.getText().strip();
        confirm.setDisable(true);
        context.platform().run(s -> {
            Sale sale = s.module().sales().declare(new Sale(null, bookingId, offer.offerId(), offer.partnerId(), order,
                    List.of(new SaleLine(offer.sku(), offer.title(), n.get(), offer.priceCents())), offer.currency(),
                    context.workstation().clock().instant()));
            context.workstation().audit().record("sync.sale.declared", sale.id().toString(), "offer " + offer.offerId()
                    + " of " + offer.partnerId() + " for " + dtc + ", " + n.get() + " x " + offer.priceCents() + " cents");
            s.module().scheduler().requestNow();
            return sale;
        }).whenCompleteAsync((sale, failure) -> {
            if (failure != null) {
                confirm.setDisable(false);
                message.setText(format.error(BookingsArea.unwrap(failure)));
                message.getStyleClass().setAll("label", "message-error");
                return;
            }
            context.platform().localChange();
            message.setText(format.t("parts.offers.declared", format.money(sale.amount().cents(), sale.currency()),
                    offer.partnerName()));
            message.getStyleClass().setAll("label", "message-ok");
        }, FxExecutor.INSTANCE);
    }

    private String availability(PartsOffer offer) {
        return "in_stock".equals(offer.availability()) ? format.t("parts.offers.inStock", offer.deliveryDays())
                : format.t("parts.offers.onOrder", offer.deliveryDays());
    }

    private TableColumn<PartsOffer, String> column(String key, double width, Function<PartsOffer, String> value) {
        TableColumn<PartsOffer, String> column = new TableColumn<>(format.t(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
