import Foundation
import Testing

/// What a shopper and an administrator do in the deployed ecommerce frontend, in a real browser:
/// typing into the generated forms and pressing their buttons, then reading what the page says.
enum FrontendJourney {
    static func shopperAndAdministrator(base: String, adminEmail: String, adminPassword: String, adminToken: String) async throws {
        let browser = try await Browser(url: "\(base)/#/register")
        defer { browser.close() }

        // Signed out, a product's page names its category (from the seed: the headphones are electronics).
        let category = try await browser.run(
            """
            location.hash = "#/products/1";
            await wait(() => document.querySelector("main dd a[href='#/categories/1']")?.textContent === "Electronics", "the category's name");
            return document.getElementById("heading").textContent;
            """
        )
        #expect(category == "Wireless Noise-Cancelling Headphones")

        // A new shopper creates an account and is signed in with the least privileged role.
        let signedIn = try await browser.run(
            """
            location.hash = "#/register";
            await wait(() => document.querySelector("#display_name"), "the registration form");
            type("#display_name", "Ada Shopper");
            type("#email", "Ada.Shopper@Example.com");
            type("#password", "short");
            submit();
            await wait(() => document.getElementById("error-password").textContent, "the password's error");
            type("#password", "correct horse battery");
            submit();
            await wait(() => sessionStorage.getItem("token") && location.hash === "#/", "signing in");
            return document.getElementById("account").textContent;
            """
        )
        #expect(signedIn.contains("ada.shopper@example.com (customer)"), "\(signedIn)")

        // The form says what is missing before anything is sent, next to the field.
        let problems = try await browser.run(
            """
            location.hash = "#/customers/new";
            await wait(() => document.querySelector("#field-full_name"), "the customer form");
            submit();
            await wait(() => document.getElementById("error-full_name").textContent, "the field errors");
            return [document.getElementById("error-email").textContent, document.getElementById("error-full_name").textContent,
                    document.querySelector("#field-full_name").getAttribute("aria-invalid")].join("|");
            """
        )
        #expect(problems == "Email is required.|Full name is required.|true", "\(problems)")

        // The shopper's own profile and address, through the forms; the address picks the profile
        // from a list that holds only the shopper's records.
        let customer = try await browser.run(
            """
            type("#field-email", "ada.shopper@example.com");
            type("#field-full_name", "  Ada Shopper  ");
            submit();
            await saved("customers", "the saved profile");
            const name = field("Full name");
            return [location.hash.split("/")[2], document.getElementById("heading").textContent, name].join("|");
            """
        )
        let parts = customer.split(separator: "|").map(String.init)
        #expect(parts.count == 3 && parts[1] == "Ada Shopper", "\(customer)")
        #expect(parts.last == "Ada Shopper", "the detail page lists the fields, the name trimmed: \(customer)")
        let customerID = parts.first ?? ""
        let address = try await browser.run(
            """
            location.hash = "#/addresses/new";
            await wait(() => document.querySelector("#field-customer_id option[value='\(customerID)']"), "the profile in the list");
            const choices = document.querySelectorAll("#field-customer_id option").length;
            type("#field-label", "Home");
            type("#field-line1", "1 Loopback Lane");
            type("#field-city", "Localhost");
            type("#field-postal_code", "127 001");
            type("#field-country_code", "GB");
            choose("#field-customer_id", "\(customerID)");
            submit();
            await saved("addresses", "the saved address");
            location.hash = "#/addresses";
            await wait(() => document.querySelector("main caption"), "the address list");
            return choices + "|" + document.querySelector("main caption").textContent;
            """
        )
        #expect(address == "1|Addresses: 1 in all, page 1", "only the shopper's own profile is offered and listed: \(address)")

        // The shopper fills a cart from the products' pages: two headphones, and more monitors than
        // the shop has. Checkout is refused with the catalog's words and charges nothing; with one
        // monitor the order is placed, at the catalog's prices, and the cart is empty again.
        try await browser.setTimeZone("Asia/Kolkata")
        let refused = try await browser.run(
            """
            for (const [id, quantity] of [[1, "2"], [2, "130"]]) {
              // The last page's form goes first, so that the wait below finds this product's.
              document.getElementById("main").replaceChildren();
              location.hash = `#/products/${id}`;
              await wait(() => document.querySelector("#cart-quantity"), "the Add to cart form");
              type("#cart-quantity", quantity);
              submit();
              await wait(() => document.getElementById("status").textContent.includes("added to your cart"), "the cart's confirmation");
            }
            const cartLink = document.getElementById("cart-link").textContent;
            document.getElementById("cart-link").click();
            await wait(() => document.querySelector("#field-customer_id option[value='\(customerID)']") && document.querySelector("#quantity-2"), "the checkout");
            choose("#field-customer_id", "\(customerID)");
            submit();
            await wait(() => document.getElementById("status").dataset.kind === "error", "the refusal");
            const above = document.getElementById("checkout-problem")?.textContent === document.getElementById("status").textContent;
            return [cartLink, document.getElementById("status").textContent, location.hash, above].join("|");
            """
        )
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/journey-checkout-refused.png")
        #expect(
            refused == "Cart (132)|Not placed, nothing was charged: the catalog service: product 2 has 129 left; 130 asked. Nothing was reserved|#/purchase_orders/new|true",
            "\(refused)")
        let order = try await browser.run(
            """
            type("#quantity-2", "1");
            choose("#field-customer_id", "\(customerID)");
            submit();
            await saved("purchase_orders", "the placed order");
            await wait(() => document.querySelectorAll("main table.lines tbody tr").length === 2, "the order's lines");
            const link = `main dd a[href="#/customers/\(customerID)"]`;
            await wait(() => document.querySelector(link)?.textContent === "Ada Shopper", "the customer's name on the link");
            await wait(() => document.querySelector("main table.lines a")?.textContent === "Wireless Noise-Cancelling Headphones", "the product's name");
            const lines = [...document.querySelectorAll("main table.lines tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent).join(" x "));
            return [location.hash.split("/")[2], field("Total"), field("Placed at"), lines.join(";"), document.getElementById("account").textContent.includes("Cart")].join("|");
            """
        )
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/journey-order.png")
        let orderParts = order.split(separator: "|").map(String.init)
        try #require(orderParts.count == 5, "\(order)")
        #expect(orderParts[1] == "827.99 USD", "2 × 249.00 + 329.99: \(order)")
        #expect(
            orderParts[3] == "Wireless Noise-Cancelling Headphones x 2 x 249.00 USD;27-inch 4K Monitor x 1 x 329.99 USD",
            "each line at the catalog's price: \(order)")
        #expect(orderParts[4] == "false", "the cart is empty once the order is placed: \(order)")
        let stored = try await LoopbackHTTP.request("GET", "\(base)/api/orders/purchase_orders/\(orderParts[0])", token: adminToken)
        let placedAt = try #require((try stored.json() as? [String: Any])?["placed_at"] as? String, "\(stored.text)")
        // The server's time, kept in UTC ("2026-11-29T17:55:12"), is shown in the browser's: India, UTC+05:30.
        let clock = placedAt.dropFirst(11).prefix(5).split(separator: ":").compactMap { Int($0) }
        try #require(clock.count == 2, "\(placedAt)")
        let minutes = (clock[0] * 60 + clock[1] + 330) % 1440
        let (hour, minute) = (minutes / 60, minutes % 60)
        let twelveHour = String(format: "%d:%02d", hour % 12 == 0 ? 12 : hour % 12, minute)
        let twentyFourHour = String(format: "%02d:%02d", hour, minute)
        #expect(orderParts[2].contains(twelveHour) || orderParts[2].contains(twentyFourHour), "placed at \(placedAt) UTC, shown in India's time: \(order)")
        for (product, left) in [(1, 242), (2, 128)] {
            let record = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/products/\(product)")
            #expect((try record.json() as? [String: Any])?["stock"] as? Int == left, "product \(product): \(record.text)")
        }

        // The order starts pending (the form has no status to set); the shopper may only cancel it,
        // so Cancel is the one button, in place of Edit and Delete.
        let shopperView = try await browser.run(
            """
            const buttons = [...document.querySelectorAll("main .actions button, main .actions a")].map((button) => button.textContent);
            return [field("Status"), buttons.join(","), String(document.querySelector("#field-status") === null)].join("|");
            """
        )
        #expect(shopperView == "pending|Cancel|true", "\(shopperView)")

        // The administrator signs in through the form and makes the shopper staff, but cannot take
        // its own role away.
        let administered = try await browser.run(
            """
            document.querySelector("#account button").click();
            location.hash = "#/login";
            await wait(() => document.querySelector("#password"), "the sign-in form");
            type("#email", \(javascriptString(adminEmail)));
            type("#password", \(javascriptString(adminPassword)));
            submit();
            await wait(() => document.querySelector("#account a[href='#/accounts']"), "the administrator's accounts link");
            location.hash = "#/accounts";
            await wait(() => document.querySelector("main table.accounts"), "the accounts table");
            const row = [...document.querySelectorAll("main tbody tr")].find((tr) => tr.textContent.includes("ada.shopper@example.com"));
            row.querySelector("select").value = "staff";
            row.querySelector("button").click();
            await wait(() => document.getElementById("status").textContent.includes("is now"), "the role change");
            const changed = document.getElementById("status").textContent;
            const own = [...document.querySelectorAll("main tbody tr")].find((tr) => tr.textContent.includes(\(javascriptString(adminEmail))));
            own.querySelector("select").value = "customer";
            own.querySelector("button").click();
            await wait(() => document.getElementById("status").dataset.kind === "error", "the refusal");
            return changed + "|" + document.getElementById("status").textContent + "|" + own.querySelector("select").value;
            """
        )
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/journey-accounts.png")
        let outcome = administered.split(separator: "|").map(String.init)
        #expect(outcome.first == "ada.shopper@example.com is now staff.", "\(administered)")
        #expect(outcome.count == 3 && outcome[1].contains("cannot take its own role away"), "\(administered)")
        #expect(outcome.last == "admin", "the refused change is undone on the page: \(administered)")

        // The administrator pays the shopper's order with its button: the status moves, who paid is
        // kept, and the buttons become what may follow (ship or cancel).
        let orderID = orderParts.first ?? "0"
        let paid = try await browser.run(
            """
            location.hash = "#/purchase_orders/\(orderID)";
            await wait(() => [...document.querySelectorAll("main .actions button")].some((button) => button.textContent === "Pay"), "the Pay button");
            [...document.querySelectorAll("main .actions button")].find((button) => button.textContent === "Pay").click();
            await wait(() => field("Status") === "paid", "the paid status");
            const buttons = [...document.querySelectorAll("main .actions button")].map((button) => button.textContent);
            return [document.getElementById("status").textContent, buttons.join(",")].join("|");
            """
        )
        try await browser.screenshot(to: "\(CLI.repositoryRoot)/.build/test-artifacts/journey-order-paid.png")
        #expect(paid == "Purchase order \(orderID) is now paid.|Ship,Cancel", "\(paid)")
        let paidOrder = try await LoopbackHTTP.request("GET", "\(base)/api/orders/purchase_orders/\(orderID)", token: adminToken)
        #expect((try paidOrder.json() as? [String: Any])?["paid_by"] as? String != nil, "who paid is kept: \(paidOrder.text)")

        // Staff look for the paid orders to ship: the list, searched by state, has this one and only paid ones.
        let shipped = try await browser.run(
            """
            location.hash = "#/purchase_orders";
            await wait(() => document.querySelector("main select#state"), "the state filter");
            await wait(() => document.querySelector("main caption"), "the orders");
            const all = document.querySelector("main caption").textContent;
            choose("#state", "paid");
            document.querySelector("main form[role=search]").requestSubmit();
            await wait(() => document.querySelector("main caption") && document.querySelector("main caption").textContent !== all, "the paid orders");
            const states = [...document.querySelectorAll("main tbody tr")].map((tr) => tr.lastElementChild.textContent);
            const listed = [...document.querySelectorAll("main tbody th a")].map((a) => a.textContent);
            document.querySelector(`main tbody th a[href="#/purchase_orders/\(orderID)"]`).click();
            await wait(() => [...document.querySelectorAll("main .actions button")].some((button) => button.textContent === "Ship"), "the Ship button");
            [...document.querySelectorAll("main .actions button")].find((button) => button.textContent === "Ship").click();
            await wait(() => field("Status") === "shipped", "the shipped status");
            const buttons = [...document.querySelectorAll("main .actions button")].map((button) => button.textContent);
            return [String(states.every((value) => value === "paid")), String(listed.includes("\(orderID)")), buttons.join(",")].join("|");
            """
        )
        #expect(shipped == "true|true|Deliver", "\(shipped)")

        // With more categories than one list request returns, a product's category is typed as an id
        // (with the count and a link to the list) rather than offered from a list that would miss some.
        let offered = try await browser.run(
            """
            location.hash = "#/products/new";
            await wait(() => document.querySelector("select#field-category_id"), "the category list");
            return document.querySelectorAll("#field-category_id option").length;
            """
        )
        let categories = try await LoopbackHTTP.request("GET", "\(base)/api/catalog/categories?page_size=1")
        let total = try #require((try categories.json() as? [String: Any])?["total"] as? Int)
        #expect(offered == String(total), "every category is offered while they fit: \(offered) of \(total)")
        for number in total..<201 {
            let made = try await LoopbackHTTP.request(
                "POST", "\(base)/api/catalog/categories", json: ["name": "Category \(number)"], token: adminToken)
            try #require(made.status == 201, "\(made.text)")
        }
        let typed = try await browser.run(
            """
            location.hash = "#/";
            await wait(() => document.querySelector("main .cards"), "the home page");
            location.hash = "#/products/new";
            await wait(() => document.querySelector("input#field-category_id"), "the category id field");
            const unlabelled = [...document.querySelectorAll("main form input, main form select, main form textarea")]
              .filter((input) => !document.querySelector(`label[for="${input.id}"]`)).map((input) => input.name);
            return document.getElementById("hint-category_id").textContent + "|" + unlabelled.join(",");
            """
        )
        #expect(typed == "One of 201; see the list for their ids. Categories|", "every field has its label: \(typed)")

        // The administrator adds a product through that form, typing the category's id; a negative
        // price is refused next to its field before anything is sent.
        let product = try await browser.run(
            """
            type("#field-sku", "LAMP-001");
            type("#field-name", "Desk Lamp");
            type("#field-price", "-1");
            type("#field-stock", "3");
            type("#field-category_id", "1");
            submit();
            await wait(() => document.getElementById("error-price").textContent, "the price's error");
            const refused = document.getElementById("error-price").textContent;
            type("#field-price", "12.5");
            submit();
            await saved("products", "the saved product");
            await wait(() => field("Category") === "Electronics", "the category's name");
            return [refused, document.getElementById("heading").textContent, field("Price"), field("Category")].join("|");
            """
        )
        #expect(product == "Price must be at least 0.|Desk Lamp|12.50 USD|Electronics", "typed 12.5, shown as the server keeps it, in its currency: \(product)")

        // Registering an email that has an account (in another case) says so and signs nobody in.
        let again = try await browser.run(
            """
            document.querySelector("#account button").click();
            location.hash = "#/register";
            await wait(() => document.querySelector("#display_name"), "the registration form");
            type("#display_name", "Ada Again");
            type("#email", "ADA.SHOPPER@example.com");
            type("#password", "another long password");
            submit();
            await wait(() => document.getElementById("status").dataset.kind === "error", "the refusal");
            return document.getElementById("status").textContent + "|" + (sessionStorage.getItem("token") ?? "signed out");
            """
        )
        #expect(again == "An account with this email exists. Sign in instead.|signed out", "\(again)")
    }

    private static func javascriptString(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
