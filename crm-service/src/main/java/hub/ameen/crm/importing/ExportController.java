package hub.ameen.crm.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.crm.company.Company;
import hub.ameen.crm.company.CompanyFilters;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.contact.ContactFilters;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.PageResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/crm/contacts/export} and {@code /api/crm/companies/export} with
 * {@code crm:read}: the filtered list as {@code text/csv}, page by page, in the columns
 * the import reads; a cell a spreadsheet would run as a formula starts with {@code '}.
 */
@RestController
class ExportController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final Aggregate<Contact> contacts;

	private final Aggregate<Company> companies;

	private final Importer importer;

	ExportController(Aggregate<Contact> contacts, Aggregate<Company> companies, Importer importer) {
		this.contacts = contacts;
		this.companies = companies;
		this.importer = importer;
	}

	@GetMapping("/api/crm/contacts/export")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<ResponseEntity<Flux<String>>> contacts(@RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String companyId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String ownerId) {
		ContactFilters filters = ContactFilters.of(companyId, tag, ownerId);
		return csv("contacts", q, sort, (query) -> filters.list(this.contacts, query));
	}

	@GetMapping("/api/crm/companies/export")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<ResponseEntity<Flux<String>>> companies(@RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String domain) {
		CompanyFilters filters = CompanyFilters.of(tag, ownerId, domain);
		return csv("companies", q, sort, (query) -> filters.list(this.companies, query));
	}

	@SuppressWarnings("unchecked")
	private <V> Mono<ResponseEntity<Flux<String>>> csv(String entity, String q, String sort,
			Function<ListQuery, PageResponse<V>> list) {
		ImportKind<V> kind = (ImportKind<V>) this.importer.kind(entity);
		new ListQuery(q, sort, null, null); // a bad sort or q is a 400 before the body
											// starts
		Flux<String> pages = Flux.<PageResponse<V>, String>generate(() -> "", (cursor, sink) -> {
			if (cursor == null) {
				sink.complete();
				return null;
			}
			PageResponse<V> page = list.apply(new ListQuery(q, sort, 200, cursor.isEmpty() ? null : cursor));
			sink.next(page);
			return page.nextCursor();
		}).map((page) -> lines(kind, page.items())).subscribeOn(Schedulers.boundedElastic());
		return Mono.just(ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + entity + ".csv\"")
			.body(Flux.just(line(kind.columns())).concatWith(pages)));
	}

	private static <V> String lines(ImportKind<V> kind, List<V> records) {
		StringBuilder out = new StringBuilder();
		for (V record : records) {
			Map<String, String> cells = kind.cells(record);
			out.append(line(kind.columns().stream().map((column) -> Cells.neutralised(cells.get(column))).toList()));
		}
		return out.toString();
	}

	private static String line(List<String> cells) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
