package be.coordinaat.purchasing.api;

import be.coordinaat.purchasing.Forms.DeliveryForm;
import be.coordinaat.purchasing.Forms.InvoiceForm;
import be.coordinaat.purchasing.Forms.OrderForm;
import be.coordinaat.purchasing.Forms.PaidForm;
import be.coordinaat.purchasing.OrderStatus;
import be.coordinaat.purchasing.PurchaseOrders;
import be.coordinaat.purchasing.Views.DeliveryResult;
import be.coordinaat.purchasing.Views.OrderRow;
import be.coordinaat.purchasing.Views.OrderView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of purchase orders: list, place (also joint orders), deliveries, invoices, payment and closing. */
@RestController
@RequestMapping("/api/v1/purchases/orders")
@Tag(name = "Purchases")
class OrderApiController {

    private final PurchaseOrders orders;

    OrderApiController(PurchaseOrders orders) {
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "Orders of the schools where you hold PURCHASES_READ. Filters: school, status, q (number, "
            + "supplier). Sort: date (default newest first), number, supplier, total, status.")
    Page<OrderRow> list(@RequestParam(required = false) Long school, @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return orders.list(school, status, PageQuery.of(page, size, sort, q));
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable long id) {
        return orders.order(id);
    }

    @PostMapping
    @Operation(summary = "Places an order: from an approved request (requestId) or on its own (schoolId); lines with "
            + "schoolId (another school of the school community for a joint purchase), description, quantity, unitPrice "
            + "(excl. VAT), vatRate (0, 6, 12, 21), itemKind (ASSET with assetKind/assetModelId, LICENCE with softwareId and "
            + "licenceType, CONSUMABLE, SERVICE) and budgetLineId. 409 when a budget line would be exceeded, unless "
            + "\"confirmOverBudget\": true.")
    ResponseEntity<OrderView> create(@Valid @RequestBody OrderForm form) {
        long id = orders.create(form);
        return ResponseEntity.created(URI.create("/api/v1/purchases/orders/" + id)).body(orders.order(id));
    }

    @PostMapping("/{id}/deliveries")
    @Operation(summary = "Records a delivery: submissionKey (any unique text per submission; sending it again returns "
            + "200 and creates nothing), deliveredOn, note, lines [{orderLineId, quantity, serials}]. Asset lines create "
            + "one asset per unit in stock, licence lines a licence.")
    ResponseEntity<OrderView> deliver(@PathVariable long id, @Valid @RequestBody DeliveryForm form) {
        DeliveryResult result = orders.deliver(id, form);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/api/v1/purchases/orders/" + id).body(orders.order(id));
    }

    @PostMapping("/{id}/invoices")
    @Operation(summary = "Registers an invoice (number, amount incl. VAT, invoiceDate, paidOn): booked as spent on the "
            + "lines' budget lines, releasing that much commitment")
    ResponseEntity<OrderView> invoice(@PathVariable long id, @Valid @RequestBody InvoiceForm form) {
        orders.invoice(id, form);
        return ResponseEntity.status(HttpStatus.CREATED).body(orders.order(id));
    }

    @PostMapping("/{id}/invoices/{invoiceId}/paid")
    OrderView paid(@PathVariable long id, @PathVariable long invoiceId, @Valid @RequestBody PaidForm form) {
        orders.markPaid(id, invoiceId, form);
        return orders.order(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Closes an invoiced order: what is still committed is released")
    OrderView close(@PathVariable long id) {
        orders.close(id);
        return orders.order(id);
    }
}
