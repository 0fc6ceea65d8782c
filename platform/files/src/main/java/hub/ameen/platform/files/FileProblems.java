package hub.ameen.platform.files;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The problems an upload can meet besides a plain 400 or 409.
 */
public final class FileProblems {

	private FileProblems() {
	}

	/** The file, or the uploader's files together, are over a limit: 413. */
	public static final class TooLarge extends ErrorResponseException {

		public TooLarge(String detail) {
			super(HttpStatus.CONTENT_TOO_LARGE,
					ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, detail),
					null);
		}

	}

	/**
	 * The content is of a type this use does not accept, or does not match its name or
	 * declared type: 415.
	 */
	public static final class Unsupported extends ErrorResponseException {

		public Unsupported(String detail) {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ProblemTypes.UNSUPPORTED_MEDIA_TYPE, detail), null);
		}

	}

}
