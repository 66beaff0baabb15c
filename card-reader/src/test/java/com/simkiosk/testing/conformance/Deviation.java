package com.simkiosk.testing.conformance;

/**
 * One way a JSON document or an HTTP exchange differs from the official document.
 *
 * @param pointer JSON pointer into the checked document ({@code ""} = the whole document, {@code /product/0/id})
 * @param message what the official document expects there
 * @param rule where in the official document the rule is ({@code TMF654…json#/definitions/ActionStatusType/enum})
 */
public record Deviation(String pointer, String message, String rule) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message + (rule.isEmpty() ? "" : "  [" + rule + "]");
    }
}
