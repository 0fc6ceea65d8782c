package hub.ameen.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import hub.ameen.e2e.BadInput.Base;
import hub.ameen.e2e.BadInput.Generated;

/**
 * jqwik generators of bad uploads from one valid upload (a form with one PNG part
 * {@code file}): forms without a {@code file} part, with two files, an empty file, a part
 * without a name; content that lies about its type (an executable, HTML, SVG or a
 * polyglot named {@code .png}); odd names (traversal, NUL, text-direction marks, 300
 * characters); bodies cut short or with the wrong boundary; and wrong content types.
 */
final class BadUploads {

	private static final byte[] PNG = Samples.png(42);

	private static final byte[] EXECUTABLE = Samples.executable();

	private BadUploads() {
	}

	static List<Tuple.Tuple2<Integer, Arbitrary<Generated>>> variations(Base base) {
		return List.of(Tuple.of(20, forms().map((form) -> upload(base, "upload form", form))), Tuple.of(20, names()
			.map((name) -> upload(base, "upload name", new Api.Multipart().file("file", name, "image/png", PNG)))),
				Tuple.of(10, bodies(base)),
				Tuple.of(8, BadInput.contentTypes()
					.map((type) -> BadInput.generated(base, "content type", new Api.Call(base.endpoint().method(),
							base.path(), base.bearer(), type, valid(base).bytes())))));
	}

	private static Generated upload(Base base, String kind, Api.Multipart form) {
		return BadInput.generated(base, kind,
				new Api.Call(base.endpoint().method(), base.path(), base.bearer(), form.contentType(), form.bytes()));
	}

	private static Api.Multipart valid(Base base) {
		return new Api.Multipart().file("file", base.body(), "image/png", PNG);
	}

	/** Forms that are not one acceptable file in the part {@code file}. */
	private static Arbitrary<Api.Multipart> forms() {
		List<Supplier<Api.Multipart>> forms = List.of(() -> new Api.Multipart().field("note", "no file here"),
				() -> new Api.Multipart(),
				() -> new Api.Multipart().file("file", "a.png", "image/png", PNG)
					.file("file", "b.png", "image/png", Samples.png(43)),
				() -> new Api.Multipart().file("file", "empty.png", "image/png", new byte[0]),
				() -> new Api.Multipart().file("upload", "wrong-part.png", "image/png", PNG),
				() -> new Api.Multipart().field("file", "a field, not a file"),
				() -> new Api.Multipart().file("file", "photo.png", "image/png", EXECUTABLE),
				() -> new Api.Multipart().file("file", "photo.png", "image/png",
						"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
				() -> new Api.Multipart().file("file", "logo.png", "image/png",
						"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
							.getBytes(StandardCharsets.UTF_8)),
				() -> new Api.Multipart().file("file", "logo.svg", "image/svg+xml",
						"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)),
				() -> new Api.Multipart().file("file", "poly.png", "image/png",
						concat(PNG, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))),
				() -> new Api.Multipart().file("file", "poly.gif", "image/gif",
						"GIF89a<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
				() -> new Api.Multipart().file("file", "doc.png", "image/png", Samples.pdf(4_000, 1)),
				() -> new Api.Multipart().file("file", "photo.png", "text/html", PNG),
				() -> new Api.Multipart().file("file", "photo.png", "not a type", PNG),
				() -> new Api.Multipart().file("file", "photo.png", null, Arrays.copyOf(PNG, 20)),
				() -> new Api.Multipart().file("file", "page.html", "text/html",
						"<!doctype html><p>hi".getBytes(StandardCharsets.UTF_8)),
				() -> new Api.Multipart().file("file", "script.sh", "application/x-sh",
						"#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)));
		return Arbitraries.of(forms).map(Supplier::get);
	}

	/** Names as an attacker or an odd system would send them. */
	private static Arbitrary<String> names() {
		return Arbitraries.oneOf(
				Arbitraries.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd.png", "a\u0000.png",
						"\u202Egnp.exe", "photo\u202E.png", "", " ", ".png", ".", "..", "CON.png",
						"x".repeat(300) + ".png", "\u0645".repeat(300) + ".png", "photo.png\r\nX-Injected: 1",
						"photo.png;.exe", "photo.PNG", "%2e%2e%2fetc.png", "\uD800.png", "photo.png\u0000.exe"),
				BadInput.strings().map((name) -> name + ".png"), BadInput.strings());
	}

	/** The valid form cut short, or under a boundary it does not use. */
	private static Arbitrary<Generated> bodies(Base base) {
		Api.Multipart form = valid(base);
		byte[] bytes = form.bytes();
		String method = base.endpoint().method();
		Arbitrary<Generated> cut = Arbitraries.integers()
			.between(0, bytes.length - 1)
			.map((length) -> BadInput.generated(base, "upload cut short", new Api.Call(method, base.path(),
					base.bearer(), form.contentType(), Arrays.copyOf(bytes, length))));
		Arbitrary<Generated> boundary = Arbitraries
			.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other",
					"multipart/form-data; boundary=" + "b".repeat(500), "multipart/mixed; boundary=x",
					"multipart/form-data; boundary=\"unclosed")
			.map((type) -> BadInput.generated(base, "upload boundary",
					new Api.Call(method, base.path(), base.bearer(), type, bytes)));
		return Arbitraries.oneOf(cut, boundary);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
