// Swagger UI for /openapi.json, from a file rather than an inline script (CSP).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
