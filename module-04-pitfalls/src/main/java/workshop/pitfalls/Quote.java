package workshop.pitfalls;

import java.util.LinkedHashMap;
import java.util.Map;
import workshop.common.Json;
import workshop.loop.http.Response;

/** What {@code /quote/} answers: an item with its price and stock, fetched from the {@link Catalog}. */
public record Quote(String item, int priceCents, int stock) {

    /** 200 with {"item": "apple", "priceCents": 250, "stock": 12}. */
    public Response toResponse() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("item", item);
        fields.put("priceCents", priceCents);
        fields.put("stock", stock);
        return Response.json(200, Json.object(fields));
    }
}
