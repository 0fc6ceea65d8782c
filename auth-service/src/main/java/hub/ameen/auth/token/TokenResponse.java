package hub.ameen.auth.token;

/**
 * What login and refresh answer.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer}
 * @param refreshToken the opaque token for {@code /api/auth/refresh}, good once
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	@Override
	public String toString() {
		return "TokenResponse[accessToken=***, refreshToken=***, tokenType=" + this.tokenType + ", expiresIn="
				+ this.expiresIn + "]";
	}

}
