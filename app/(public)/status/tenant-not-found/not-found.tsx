import { StatusScreen } from "@/components/ui/StatusScreen";

export default function TenantNotFound() {
  return (
    <StatusScreen code="TENANT_NOT_FOUND" title="No ISP is registered at this address">
      <p>
        This address does not belong to any internet service provider on RRNET. Check that the address in your
        browser is spelled correctly — ISPs on RRNET are reached at their own sub-domain or their own domain name.
      </p>
      <p>
        If you are a customer looking for your ISP&apos;s billing or client portal, ask your ISP for the correct
        address.
      </p>
    </StatusScreen>
  );
}
