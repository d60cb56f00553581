package io.sightline.server.web;

import io.sightline.server.api.OversizedBodyPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A form too large for the hub (sent by a browser without scripts, or a page that skipped the
 * check): a 413 page that says what happened and links back to the form, where the browser usually
 * still holds what was typed. Written before the request reaches the session or the controllers,
 * so it shows nothing of the user's data.
 */
@Component
class OversizedFormPage implements OversizedBodyPage {
    private final ITemplateEngine templates;

    OversizedFormPage(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, long sentBytes, long limitBytes) throws IOException {
        Context context = new Context();
        context.setVariable("sent", FormLimits.size(sentBytes));
        context.setVariable("limit", FormLimits.size(limitBytes));
        context.setVariable("back", request.getContextPath() + UiAdvice.sameSiteReferer(request));
        context.setVariable("css", request.getContextPath() + "/css/sightline.css");
        context.setVariable("js", request.getContextPath() + "/js/sightline.js");
        response.setStatus(413);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Connection", "close");
        templates.process("too-large", context, response.getWriter());
    }
}
