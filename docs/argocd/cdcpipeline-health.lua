-- Argo CD health check for kubecdc.io/CdcPipeline. Install it in argocd-cm under
-- resource.customizations.health.kubecdc.io_CdcPipeline (see docs/argocd/README.md).
-- It reads what `kubectl get cdcpipelines` shows: the Ready condition, the phase, and whether the
-- operator has seen the latest spec yet, so a sync is Healthy only once the pipeline really works.
local hs = {}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the KubeCDC operator to report a status"
  return hs
end
local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to apply generation " .. generation
  return hs
end
local ready = nil
if obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "Ready" then
      ready = c
    end
  end
end
local phase = obj.status.phase or "Pending"
local why = ""
if ready ~= nil and ready.message ~= nil then
  why = ready.message
end
if phase == "Paused" then
  hs.status = "Suspended"
  hs.message = "Paused (spec.paused): " .. why
elseif ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = phase .. ", tables " .. (obj.status.tablesReady or "?") .. ", lag " .. tostring(obj.status.lag or 0)
elseif phase == "Failed" or phase == "Degraded" then
  hs.status = "Degraded"
  hs.message = phase .. ": " .. ((ready ~= nil and ready.reason) or "") .. ": " .. why
else
  hs.status = "Progressing"
  hs.message = phase .. ": " .. why
end
return hs
