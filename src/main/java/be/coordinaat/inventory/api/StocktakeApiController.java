package be.coordinaat.inventory.api;

import be.coordinaat.inventory.Stocktakes;
import be.coordinaat.inventory.Stocktakes.DueRow;
import be.coordinaat.inventory.Stocktakes.ScanResult;
import be.coordinaat.inventory.Stocktakes.StocktakeRow;
import be.coordinaat.inventory.Stocktakes.StocktakeView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stocktake room by room, and the assets whose audit is due. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory")
class StocktakeApiController {

    record StartForm(@NotNull Long roomId) {}

    record ScanForm(@Size(max = Stocktakes.MAX_CODE) String code) {}

    record MoveForm(@NotNull Long assetId) {}

    record FinishForm(@Size(max = 5000) List<Long> missing) {}

    private final Stocktakes stocktakes;

    StocktakeApiController(Stocktakes stocktakes) {
        this.stocktakes = stocktakes;
    }

    @GetMapping("/stocktakes")
    @Operation(summary = "Stocktakes of your schools, open ones first; optionally of one room")
    Page<StocktakeRow> list(@RequestParam(required = false) Long room, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return stocktakes.list(room, PageQuery.of(page, size, null, null));
    }

    @PostMapping("/stocktakes")
    @Operation(summary = "Starts a stocktake of a room (or returns the room's open one)")
    ResponseEntity<StocktakeView> start(@Valid @RequestBody StartForm form) {
        long id = stocktakes.start(form.roomId());
        return ResponseEntity.created(URI.create("/api/v1/stocktakes/" + id)).body(stocktakes.stocktake(id));
    }

    @GetMapping("/stocktakes/{id}")
    @Operation(summary = "A stocktake with the expected (each with found), found, not found, unexpected and unknown lists")
    StocktakeView stocktake(@PathVariable long id) {
        return stocktakes.stocktake(id);
    }

    @PostMapping("/stocktakes/{id}/scans")
    @Operation(summary = "Records a scanned or typed code: a tag of the school or a label's address (…/a/<schoolId>/<tag>). "
            + "outcome FOUND (expected here), UNEXPECTED (an asset of the school located elsewhere) or UNKNOWN")
    ScanResult scan(@PathVariable long id, @Valid @RequestBody ScanForm form) {
        return stocktakes.scan(id, form.code());
    }

    @PostMapping("/stocktakes/{id}/moves")
    @Operation(summary = "Moves an unexpected asset of this stocktake into its room")
    StocktakeView move(@PathVariable long id, @Valid @RequestBody MoveForm form) {
        stocktakes.moveHere(id, form.assetId());
        return stocktakes.stocktake(id);
    }

    @PostMapping("/stocktakes/{id}/finish")
    @Operation(summary = "Finishes the stocktake: found and unexpected assets get today's audit date; the not-found "
            + "assets listed in missing are marked missing (history; their status stays)")
    StocktakeView finish(@PathVariable long id, @Valid @RequestBody(required = false) FinishForm form) {
        stocktakes.finish(id, form == null ? null : form.missing());
        return stocktakes.stocktake(id);
    }

    @GetMapping("/audits/due")
    @Operation(summary = "Active assets never audited or last audited more than months (default 12) ago; filter by "
            + "school or room; sort lastAudit (default), tag, room or school (prefix - for descending)")
    Page<DueRow> due(@RequestParam(required = false) Integer months, @RequestParam(required = false) Long school,
            @RequestParam(required = false) Long room, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return stocktakes.due(months, school, room, PageQuery.of(page, size, sort, null));
    }
}
