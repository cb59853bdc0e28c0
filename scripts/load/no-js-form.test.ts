import { describe, expect, it } from "vitest";
import { decodeHtml, formFields } from "./no-js-form";

// The HTML here is the shape React renders for a server-action form without JavaScript.
const PAGE = `
<form role="search" action="/claims" method="get"><input name="q" value=""/></form>
<form noValidate="" action="" encType="multipart/form-data" method="POST" aria-labelledby="h">
  <input type="hidden" name="$ACTION_REF_1"/>
  <input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;60ab&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
  <input type="hidden" name="$ACTION_KEY" value="k1"/>
  <h2 id="h">Change the status</h2>
  <input type="hidden" name="claimId" value="c1"/><input type="hidden" name="version" value="7"/>
  <select id="status" name="status"><option value="unverified">Unverified</option><option value="false" selected="">False</option></select>
  <textarea id="reason" name="reason">It&#x27;s &lt;not&gt; so &amp; more</textarea>
  <input type="checkbox" name="bom" value="1"/><input type="checkbox" name="layout" value="links" checked=""/>
  <button type="submit" name="intent" value="save">Save status</button>
</form>`;

describe("formFields", () => {
  it("takes every field of the chosen form as a browser without JavaScript would send it", () => {
    const fields = formFields(PAGE, "Change the status");
    expect(Object.fromEntries(fields)).toEqual({
      $ACTION_REF_1: "",
      "$ACTION_1:0": '{"id":"60ab","bound":"$@1"}',
      $ACTION_KEY: "k1",
      claimId: "c1",
      version: "7",
      status: "false",
      reason: "It's <not> so & more",
      layout: "links",
    });
  });

  it("says which form it could not find", () => {
    expect(() => formFields(PAGE, "Publish")).toThrow(/No form containing "Publish"/);
  });

  it("decodes named and numeric entities", () => {
    expect(decodeHtml("&quot;&#39;&#x2019;&amp;amp;")).toBe(`"'’&amp;`);
  });
});
