package be.coordinaat.inventory.loan;

import be.coordinaat.inventory.Consumables;
import be.coordinaat.inventory.Consumables.Category;
import be.coordinaat.inventory.Consumables.ConsumableForm;
import be.coordinaat.inventory.Consumables.ConsumableView;
import be.coordinaat.inventory.Consumables.MovementForm;
import be.coordinaat.inventory.Consumables.MovementView;
import be.coordinaat.inventory.Loans;
import be.coordinaat.inventory.Loans.BulkForm;
import be.coordinaat.inventory.Loans.BulkResult;
import be.coordinaat.inventory.Loans.CheckInForm;
import be.coordinaat.inventory.Loans.CheckOutForm;
import be.coordinaat.inventory.Loans.LoanFilter;
import be.coordinaat.inventory.Loans.LoanView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of loans, the signed-in user's own loans and consumables. Records outside your schools answer 404. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Loans and consumables")
class LoanApiController {

    private final Loans loans;
    private final Consumables consumables;
    private final AgreementRenderer renderer;

    LoanApiController(Loans loans, Consumables consumables, AgreementRenderer renderer) {
        this.loans = loans;
        this.consumables = consumables;
        this.renderer = renderer;
    }

    @GetMapping("/loans")
    @Operation(summary = "Loans you may see: open ones by default (open=false for all, overdue=true for the overdue ones); "
            + "filters school, className, person, asset, q (borrower, tag, serial); sort by expectedReturn, checkedOut, "
            + "borrower, tag, className, school or returned (prefix - for descending)")
    Page<LoanView> list(@RequestParam(required = false) Long school, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String className,
            @RequestParam(required = false) Long person, @RequestParam(required = false) Long asset,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return loans.loans(new LoanFilter(school, open, overdue, className, person, asset), PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/loans")
    @Operation(summary = "Checks out an asset in stock to a person of its school; the asset becomes ON_LOAN")
    ResponseEntity<LoanView> checkOut(@Valid @RequestBody CheckOutForm form) {
        long id = loans.checkOut(form);
        return ResponseEntity.created(URI.create("/api/v1/loans/" + id)).body(loans.loan(id));
    }

    @GetMapping("/loans/{id}")
    LoanView loan(@PathVariable long id) {
        return loans.loan(id);
    }

    @PostMapping("/loans/{id}/return")
    @Operation(summary = "Checks a loan in: condition GOOD, WORN, DAMAGED (damage notes required; the asset goes into repair) "
            + "or MISSING_PARTS; the asset is back IN_STOCK otherwise")
    LoanView checkIn(@PathVariable long id, @Valid @RequestBody CheckInForm form) {
        loans.checkIn(id, form);
        return loans.loan(id);
    }

    @GetMapping("/loans/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreement(@PathVariable long id) {
        return pdf(renderer, loans, id);
    }

    static ResponseEntity<byte[]> pdf(AgreementRenderer renderer, Loans loans, long id) {
        var data = loans.agreement(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("uitleenovereenkomst-" + data.loan().assetTag().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf")
                        .build().toString())
                .body(renderer.pdf(data));
    }

    @PostMapping("/loans/bulk")
    @Operation(summary = "Lends the devices in a room (IN_STOCK Chromebooks, laptops, tablets) or listed by tag to the pupils "
            + "of a class in name order, all or nothing; preview=true only shows the rows and their problems")
    BulkResult bulk(@Valid @RequestBody BulkForm form, @RequestParam(defaultValue = "false") boolean preview) {
        return loans.bulk(form, preview);
    }

    @GetMapping("/my/loans")
    @Operation(summary = "Your own loans (of the person linked to your account), open ones first")
    List<LoanView> mine() {
        return loans.mine();
    }

    @GetMapping("/consumables")
    @Operation(summary = "Consumables you may see; filters school, category, belowMinimum, q; sort by name, category, "
            + "stock, minimum, school or shortage")
    Page<ConsumableView> consumables(@RequestParam(required = false) Long school,
            @RequestParam(required = false) Category category, @RequestParam(defaultValue = "false") boolean belowMinimum,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q) {
        return consumables.consumables(school, category, belowMinimum, PageQuery.of(page, size, sort, q));
    }

    @PostMapping("/consumables")
    ResponseEntity<ConsumableView> create(@Valid @RequestBody ConsumableForm form) {
        long id = consumables.create(form);
        return ResponseEntity.created(URI.create("/api/v1/consumables/" + id)).body(consumables.consumable(id));
    }

    @GetMapping("/consumables/{id}")
    ConsumableView consumable(@PathVariable long id) {
        return consumables.consumable(id);
    }

    @PutMapping("/consumables/{id}")
    @Operation(summary = "Changes name, category, compatible models, minimum and notes; the stock changes by movements only")
    ConsumableView update(@PathVariable long id, @Valid @RequestBody ConsumableForm form) {
        consumables.update(id, form);
        return consumables.consumable(id);
    }

    @GetMapping("/consumables/{id}/movements")
    List<MovementView> movements(@PathVariable long id) {
        return consumables.movements(id);
    }

    @PostMapping("/consumables/{id}/movements")
    @Operation(summary = "Receives stock (RECEIVE) or issues it (ISSUE, optionally to assetId or roomId of the same school); "
            + "the stock never drops below zero")
    ResponseEntity<ConsumableView> move(@PathVariable long id, @Valid @RequestBody MovementForm form) {
        consumables.move(id, form);
        return ResponseEntity.status(201).body(consumables.consumable(id));
    }
}
