package com.simkiosk.carrier.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.tmf.TmfDocuments.Bucket;
import com.simkiosk.carrier.tmf.TmfDocuments.Product;
import com.simkiosk.testing.MutatedJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link HotAnswers} (the streamed product and bucket lists) gives what Jackson's data binding of the same records
 * ({@link Json#read}) gives, for the contract's examples, the simulator's answers and their mutations: the same
 * records, or the same {@link CarrierError} with the same message (the field's path), or the same other exception.
 */
class HotAnswersProperties {
    private static final ContractExamples DOC = ContractExamples.load();
    private static final Json JSON = new Json();
    private static final HotAnswers HOT = new HotAnswers(JSON);

    /** What the simulator answers (hal-mock's CarrierSimulator, `./kiosk bench carrier`): links and @type besides. */
    static final String SIMULATOR_PRODUCTS = """
            [{"id":"prd-tourist-3gb-0001","href":"http://127.0.0.1:45627/tmf-api/productInventory/v4/product/prd-tourist-3gb-0001",\
            "name":"Japan Travel SIM 3GB / 15 days","status":"active","isBundle":false,"isCustomerVisible":true,\
            "startDate":"2026-11-18T01:24:09Z","productOffering":{"id":"po-travel-3gb-15d",\
            "href":"http://127.0.0.1:45627/tmf-api/productCatalogManagement/v4/productOffering/po-travel-3gb-15d",\
            "name":"Japan Travel SIM 3GB / 15 days"},"productCharacteristic":[{"name":"brand","valueType":"string",\
            "value":"Japan Travel SIM"},{"name":"network","valueType":"string","value":"NTT DOCOMO"},{"name":"lineType",\
            "valueType":"string","value":"dataOnly"},{"name":"verificationMethods","valueType":"array",\
            "value":["SIM_PIN","ID_DOCUMENT","ORDER_NUMBER"]}],"realizingResource":[{"id":"8981102603110000016",\
            "name":"ICCID","@referredType":"SIMCard"}],"@type":"Product"}]""";
    static final String SIMULATOR_BUCKETS = """
            [{"id":"bkt-tourist-0001-data","href":"http://127.0.0.1:45627/tmf-api/prepayBalanceManagement/v4/bucket/bkt-tourist-0001-data",\
            "name":"Data 3GB","usageType":"data","status":"active","isShared":false,"remainingValue":{"amount":620000000,\
            "units":"bytes"},"remainingValueName":"620 MB","initialValue":{"amount":3000000000,"units":"bytes"},\
            "validFor":{"startDateTime":"2026-11-18T01:24:09Z","endDateTime":"2026-12-03T14:59:59Z"},\
            "product":[{"id":"prd-tourist-3gb-0001","href":"http://127.0.0.1:45627/tmf-api/productInventory/v4/product/prd-tourist-3gb-0001"}],\
            "partyAccount":{"id":"acc-tourist-0001"},"@type":"Bucket"}]""";

    @Property(tries = 1500)
    void productListsReadAsTheBindingReadsThem(@ForAll("products") String json) {
        assertSameOutcome(() -> HOT.products(bytes(json)), () -> JSON.read(bytes(json), Product[].class, "product list"));
    }

    @Property(tries = 1500)
    void bucketListsReadAsTheBindingReadsThem(@ForAll("buckets") String json) {
        assertSameOutcome(() -> HOT.buckets(bytes(json)), () -> JSON.read(bytes(json), Bucket[].class, "bucket list"));
    }

    @Example
    void theSimulatorsAnswersGiveTheFieldsTheKioskUses() throws CarrierException {
        Product product = HOT.products(bytes(SIMULATOR_PRODUCTS))[0];
        assertThat(product.id()).isEqualTo("prd-tourist-3gb-0001");
        assertThat(product.status()).isEqualTo("active");
        assertThat(product.productOffering().name()).isEqualTo("Japan Travel SIM 3GB / 15 days");
        assertThat(product.productCharacteristic()).hasSize(4);
        assertThat(product.productCharacteristic().get(3).value().isArray()).isTrue();
        assertThat(product.realizingResource().get(0).referredType()).isEqualTo("SIMCard");

        Bucket bucket = HOT.buckets(bytes(SIMULATOR_BUCKETS))[0];
        assertThat(bucket.usageType()).isEqualTo("data");
        assertThat(bucket.remainingValue().amount()).isEqualTo(new BigDecimal("620000000"));
        assertThat(bucket.initialValue().units()).isEqualTo("bytes");
        assertThat(bucket.validFor().endDateTime()).isEqualTo("2026-12-03T14:59:59Z");
        assertThat(bucket.product()).extracting(TmfDocuments.Ref::id).containsExactly("prd-tourist-3gb-0001");
        assertThat(bucket.partyAccount().id()).isEqualTo("acc-tourist-0001");
        assertSameOutcome(() -> HOT.products(bytes(SIMULATOR_PRODUCTS)),
                () -> JSON.read(bytes(SIMULATOR_PRODUCTS), Product[].class, "product list"));
        assertSameOutcome(() -> HOT.buckets(bytes(SIMULATOR_BUCKETS)),
                () -> JSON.read(bytes(SIMULATOR_BUCKETS), Bucket[].class, "bucket list"));
    }

    @Example
    void unknownFieldsAreIgnoredAtEveryLevel() throws CarrierException {
        Bucket[] buckets = HOT.buckets(bytes("""
                [{"usageType":"data","extra":{"deep":[1,{"x":null}]},"remainingValue":{"amount":1.5,"units":"GB","u2":[]},\
                "validFor":{"endDateTime":"2026-12-03T14:59:59Z","other":true},"product":[{"id":"p","more":{}}]}]"""));
        assertThat(buckets).hasSize(1);
        assertThat(buckets[0].remainingValue()).isEqualTo(new TmfDocuments.Quantity(new BigDecimal("1.5"), "GB"));
        assertThat(buckets[0].product()).containsExactly(TmfDocuments.Ref.to("p"));
    }

    @Example
    void malformedAnswersGiveTheBindingsClassifiedErrors() {
        for (String broken : List.of("", "[", "[{\"id\":", "not json", "{\"id\":\"x\"}", "[null]", "[{\"status\":{}}]",
                "[{\"productCharacteristic\":[null]}]", "null", "[1]")) {
            assertSameOutcome(() -> HOT.products(bytes(broken)), () -> JSON.read(bytes(broken), Product[].class, "product list"));
            assertSameOutcome(() -> HOT.buckets(bytes(broken)), () -> JSON.read(bytes(broken), Bucket[].class, "bucket list"));
        }
        assertThat(outcome(() -> HOT.products(bytes("[{\"status\":{}}]"))))
                .isEqualTo("BAD_RESPONSE: carrier answered a product list with a field of the wrong type: [0].status");
        assertThat(outcome(() -> HOT.buckets(bytes("not json"))))
                .isEqualTo("BAD_RESPONSE: carrier answered a bucket list that is not valid JSON");
    }

    @Example
    void shapesTheBindingAcceptsAreAcceptedTheSameWay() {
        // one object as a bucket's product list, a number as text, an amount as a string, a repeated field, JSON null
        for (String odd : List.of("[{\"product\":{\"id\":\"p\"},\"usageType\":\"data\"}]",
                "[{\"usageType\":7,\"remainingValue\":{\"amount\":\"12.50\"}}]",
                "[{\"usageType\":\"data\",\"usageType\":\"voice\"}]", "[{\"id\":\"a\",\"value\":null}]")) {
            assertSameOutcome(() -> HOT.buckets(bytes(odd)), () -> JSON.read(bytes(odd), Bucket[].class, "bucket list"));
        }
        for (String odd : List.of("[{\"productCharacteristic\":[{\"name\":\"brand\",\"value\":null}]}]",
                "[{\"productCharacteristic\":[{\"name\":\"brand\"}]}]", "[{\"id\":true,\"status\":1.5}]",
                "[{\"productOffering\":\"po-1\"}]", "[]")) {
            assertSameOutcome(() -> HOT.products(bytes(odd)), () -> JSON.read(bytes(odd), Product[].class, "product list"));
        }
    }

    @Provide
    Arbitrary<String> products() {
        return Arbitraries.oneOf(MutatedJson.of(DOC.json("product-by-iccid-response")),
                MutatedJson.of(DOC.json("product-plain-response")), MutatedJson.of(DOC.json("product-by-msisdn-response")),
                MutatedJson.of(DOC.json("product-by-msisdn-unverified")), MutatedJson.of(SIMULATOR_PRODUCTS));
    }

    @Provide
    Arbitrary<String> buckets() {
        return Arbitraries.oneOf(MutatedJson.of(DOC.json("bucket-list-response")), MutatedJson.of(SIMULATOR_BUCKETS));
    }

    interface Read {
        Object[] read() throws CarrierException;
    }

    private static void assertSameOutcome(Read hot, Read bound) {
        assertThat(outcome(hot)).isEqualTo(outcome(bound));
    }

    /** The records (compared by value: records, BigDecimal with its scale, JsonNode), or the error and its message. */
    private static Object outcome(Read read) {
        try {
            return Arrays.asList(read.read());
        } catch (CarrierException e) {
            return e.error() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
