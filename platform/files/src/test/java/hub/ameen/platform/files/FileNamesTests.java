package hub.ameen.platform.files;

import hub.ameen.platform.web.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client's file name is only a label: never a path, never hiding characters, and
 * written back per RFC 6266 with an ASCII fallback.
 */
class FileNamesTests {

	@Test
	void aPathKeepsOnlyItsLastSegment() {
		assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.clean("C:\\Users\\a\\report.pdf")).isEqualTo("report.pdf");
	}

	@Test
	void namesThatAreEmptyOrOnlyDotsAreRefused() {
		assertThatThrownBy(() -> FileNames.clean("../..")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> FileNames.clean("dir/")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> FileNames.clean(null)).isInstanceOf(BadRequestException.class);
	}

	@Test
	void controlAndDirectionCharactersAreRefused() {
		assertThatThrownBy(() -> FileNames.clean("a\0.png")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> FileNames.clean("a\n.png")).isInstanceOf(BadRequestException.class);
		assertThatThrownBy(() -> FileNames.clean("invoice\u202Egnp.exe")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("U+202E");
	}

	@Test
	void aNameOver255CharactersIsRefusedAnd255AreKept() {
		assertThatThrownBy(() -> FileNames.clean("a".repeat(296) + ".pdf")).isInstanceOf(BadRequestException.class);
		assertThat(FileNames.clean("ع".repeat(251) + ".pdf")).hasSize(255);
	}

	@Test
	void anArabicNameTravelsAsUtf8WithAnAsciiFallback() {
		assertThat(FileNames.contentDisposition("عقد.pdf", false))
			.isEqualTo("attachment; filename=\"___.pdf\"; filename*=UTF-8''%D8%B9%D9%82%D8%AF.pdf");
	}

	@Test
	void quotesAndSpacesCannotBreakTheHeader() {
		assertThat(FileNames.contentDisposition("my \"best\" deal.png", true))
			.isEqualTo("inline; filename=\"my _best_ deal.png\"; filename*=UTF-8''my%20%22best%22%20deal.png");
	}

}
