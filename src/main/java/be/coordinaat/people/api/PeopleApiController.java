package be.coordinaat.people.api;

import be.coordinaat.people.Forms.ContactForm;
import be.coordinaat.people.Forms.OrganisationForm;
import be.coordinaat.people.Forms.PersonForm;
import be.coordinaat.people.OrganisationKind;
import be.coordinaat.people.Organisations;
import be.coordinaat.people.People;
import be.coordinaat.people.People.PersonFilter;
import be.coordinaat.people.PersonKind;
import be.coordinaat.people.Views.ContactView;
import be.coordinaat.people.Views.OrganisationView;
import be.coordinaat.people.Views.PersonView;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API for staff, pupils, external organisations and their contacts. Updates send the {@code version} they
 * read; records outside the caller's schools answer 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "People and organisations")
class PeopleApiController {

    private final People people;
    private final Organisations organisations;

    PeopleApiController(People people, Organisations organisations) {
        this.people = people;
        this.organisations = organisations;
    }

    // ---- people ----

    @GetMapping("/people")
    @Operation(summary = "Staff and pupils you may see; q searches names, sort by name, class or kind (prefix - for descending)")
    Page<PersonView> people(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String q,
            @RequestParam(required = false) PersonKind kind, @RequestParam(required = false) Long schoolId,
            @RequestParam(required = false) String className) {
        return people.list(PageQuery.of(page, size, sort, q), new PersonFilter(kind, schoolId, className));
    }

    @GetMapping("/people/{id}")
    PersonView person(@PathVariable long id) {
        return people.person(id);
    }

    @PostMapping("/people")
    @Operation(summary = "Create a staff member (schoolIds: one or more) or a pupil (className and exactly one school; no e-mail, phone or function)")
    ResponseEntity<PersonView> createPerson(@Valid @RequestBody PersonForm form) {
        long id = people.create(form);
        return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(people.person(id));
    }

    @PutMapping("/people/{id}")
    PersonView updatePerson(@PathVariable long id, @Valid @RequestBody PersonForm form) {
        people.update(id, form);
        return people.person(id);
    }

    @DeleteMapping("/people/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePerson(@PathVariable long id) {
        people.delete(id);
    }

    // ---- organisations ----

    @GetMapping("/organisations")
    @Operation(summary = "Organisations you may see; q searches organisation and contact names, sort by name or kind")
    Page<OrganisationView> organisations(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) OrganisationKind kind) {
        return organisations.list(PageQuery.of(page, size, sort, q), kind);
    }

    @GetMapping("/organisations/{id}")
    OrganisationView organisation(@PathVariable long id) {
        return organisations.organisation(id);
    }

    @PostMapping("/organisations")
    @Operation(summary = "Create an organisation; no schoolIds means it serves the whole board (needs a board-wide role)")
    ResponseEntity<OrganisationView> createOrganisation(@Valid @RequestBody OrganisationForm form) {
        long id = organisations.create(form);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id)).body(organisations.organisation(id));
    }

    @PutMapping("/organisations/{id}")
    OrganisationView updateOrganisation(@PathVariable long id, @Valid @RequestBody OrganisationForm form) {
        organisations.update(id, form);
        return organisations.organisation(id);
    }

    @DeleteMapping("/organisations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOrganisation(@PathVariable long id) {
        organisations.delete(id);
    }

    // ---- contacts ----

    @GetMapping("/organisations/{id}/contacts")
    List<ContactView> contacts(@PathVariable long id) {
        return organisations.contacts(id);
    }

    @PostMapping("/organisations/{id}/contacts")
    ResponseEntity<ContactView> createContact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
        long contactId = organisations.createContact(id, form);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contactId)).body(organisations.contact(contactId));
    }

    @GetMapping("/contacts/{id}")
    ContactView contact(@PathVariable long id) {
        return organisations.contact(id);
    }

    @PutMapping("/contacts/{id}")
    ContactView updateContact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
        organisations.updateContact(id, form);
        return organisations.contact(id);
    }

    @DeleteMapping("/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteContact(@PathVariable long id) {
        organisations.deleteContact(id);
    }
}
