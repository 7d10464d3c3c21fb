package io.meetingintel.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingAndUserTest {

    @Test
    void pagingDefaultsAndBounds() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.of(2, 20).offset()).isEqualTo(40);
        assertThat(Paging.of(1, 2).page(List.of("a", "b"), 7)).isEqualTo(new Paging.Page<>(List.of("a", "b"), 1, 2, 7));
        assertThatThrownBy(() -> Paging.of(-1, 10)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        assertThatThrownBy(() -> Paging.of(0, 201)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getBody().getDetail()).contains("between 1 and 200"));
        assertThatThrownBy(() -> Paging.of(0, 0)).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void theUserComesFromTheGatewayHeaderOrTheRequestIsUnauthenticated() {
        assertThat(CurrentUserResolver.userOf(" alice ")).isEqualTo("alice");
        assertThatThrownBy(() -> CurrentUserResolver.userOf(null)).isInstanceOfSatisfying(
                ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(401));
        assertThatThrownBy(() -> CurrentUserResolver.userOf("  ")).isInstanceOf(ErrorResponseException.class);
    }
}
